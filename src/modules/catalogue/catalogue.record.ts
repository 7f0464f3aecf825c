import type { Organization } from '../organization';
import type { DataItem } from './data-item.entity';
import type { InformationResource } from './information-resource.entity';

/**
 * A catalogue entry as the records of the hub keep it — a published version (第五条) and an
 * acceptance snapshot (第二十五条) alike: every metadata field of 政务信息资源目录编制指南, the
 * provider by credit code, data items by position, related codes sorted.
 */
export interface CatalogueRecord {
  code: string;
  version: number;
  catalogueKind: string;
  classificationCode: string;
  name: string;
  providerCreditCode: string;
  summary: string;
  format: string;
  subFormat: string | null;
  dataItems: { position: number; name: string; dataType: string; length: number | null }[];
  sharingType: string | null;
  sharingCondition: string | null;
  legalBasis: string | null;
  sharingMethod: string | null;
  openType: string | null;
  openCondition: string | null;
  updateFrequency: string | null;
  dataGrade: string | null;
  publishedOn: string | null;
  relatedResourceCodes: string[];
}

export function catalogueRecord(r: InformationResource, items: DataItem[], provider: Pick<Organization, 'creditCode'>): CatalogueRecord {
  return {
    code: r.code,
    version: r.version,
    catalogueKind: r.catalogueKind,
    classificationCode: r.classificationCode,
    name: r.name,
    providerCreditCode: provider.creditCode,
    summary: r.summary,
    format: r.format,
    subFormat: r.subFormat,
    dataItems: [...items].sort((a, b) => a.position - b.position).map(({ position, name, dataType, length }) => ({ position, name, dataType, length })),
    sharingType: r.sharingType,
    sharingCondition: r.sharingCondition,
    legalBasis: r.legalBasis,
    sharingMethod: r.sharingMethod,
    openType: r.openType,
    openCondition: r.openCondition,
    updateFrequency: r.updateFrequency,
    dataGrade: r.dataGrade,
    publishedOn: r.publishedOn,
    relatedResourceCodes: [...r.relatedResourceCodes].sort(),
  };
}
