import { DATA_GRADE_LABEL, DataGrade, OPEN_TYPE_LABEL, OpenType, UPDATE_FREQUENCY_LABEL, UpdateFrequency } from '../catalogue';

/** The mapping tables of the DCAT-AP 3.0.1 export (docs/dcat-ap.md shows them). */

const EU = 'http://publications.europa.eu/resource/authority';

/** 更新周期 → the EU frequency vocabulary (dct:accrualPeriodicity, class dct:Frequency). */
export const FREQUENCY: Record<UpdateFrequency, { iri: string; en: string }> = {
  [UpdateFrequency.REALTIME]: { iri: `${EU}/frequency/UPDATE_CONT`, en: 'continuously updated' },
  [UpdateFrequency.DAILY]: { iri: `${EU}/frequency/DAILY`, en: 'daily' },
  [UpdateFrequency.WEEKLY]: { iri: `${EU}/frequency/WEEKLY`, en: 'weekly' },
  [UpdateFrequency.MONTHLY]: { iri: `${EU}/frequency/MONTHLY`, en: 'monthly' },
  [UpdateFrequency.QUARTERLY]: { iri: `${EU}/frequency/QUARTERLY`, en: 'quarterly' },
  [UpdateFrequency.HALF_YEARLY]: { iri: `${EU}/frequency/ANNUAL_2`, en: 'semiannual' },
  [UpdateFrequency.YEARLY]: { iri: `${EU}/frequency/ANNUAL`, en: 'annual' },
  [UpdateFrequency.IRREGULAR]: { iri: `${EU}/frequency/IRREG`, en: 'irregular' },
};

/** 开放类型 (openness to the public) → the EU access-right vocabulary (dct:accessRights, class dct:RightsStatement). */
export const ACCESS_RIGHT: Record<OpenType, { iri: string; en: string }> = {
  [OpenType.OPEN]: { iri: `${EU}/access-right/PUBLIC`, en: 'public' },
  [OpenType.CONDITIONAL_OPEN]: { iri: `${EU}/access-right/RESTRICTED`, en: 'restricted' },
  [OpenType.NOT_OPEN]: { iri: `${EU}/access-right/NON_PUBLIC`, en: 'non-public' },
};

export const FREQUENCY_SCHEME = { iri: `${EU}/frequency`, title: 'Frequency' };
export const ACCESS_RIGHT_SCHEME = { iri: `${EU}/access-right`, title: 'Access right' };

/** 数据分级 (GB/T 43697): no DCAT-AP property carries it, so the hub's own concept scheme and property. */
export const DATA_GRADE_EN: Record<DataGrade, string> = {
  [DataGrade.CORE]: 'core data',
  [DataGrade.IMPORTANT]: 'important data',
  [DataGrade.GENERAL]: 'general data',
};

export const ZH = { frequency: UPDATE_FREQUENCY_LABEL, accessRight: OPEN_TYPE_LABEL, dataGrade: DATA_GRADE_LABEL };
