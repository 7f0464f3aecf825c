/** The catalogue module's public face: information resources, their data items and published versions, the visibility rule and the metadata rules (第五条、第八条、第九条). */
export {
  CATALOGUE_CLASS_DIGIT,
  CatalogueKind,
  DataGrade,
  DataItemType,
  FREQUENCY_ORDER,
  OpenType,
  ResourceFormat,
  ResourceStatus,
  SharingMethod,
  SharingType,
  UpdateFrequency,
} from './catalogue.enums';
export { catalogueRecord } from './catalogue.record';
export type { CatalogueRecord } from './catalogue.record';
export { DataItem } from './data-item.entity';
export { InformationResource } from './information-resource.entity';
export { ProjectCatalogueResolver } from './project-catalogue.resolver';
export { ProviderCountResolver, ResourceConnectionResolver } from './resource-facets.resolver';
export { ResourceReviewService } from './resource-review.service';
export { ResourceVersion } from './resource-version.entity';
export { DataItemInput, ResourceCreateInput, ResourceIdInput, ResourceReturnInput } from './resource.inputs';
export { resourceLoaders } from './resource.loaders';
export type { AsCaller } from './resource.loaders';
export { ResourceResolver } from './resource.resolver';
export { FREQUENCY_NAME, syncTooRare } from './resource.rules';
export { filteredResources, whereVisible } from './resource.search';
export { ResourceService } from './resource.service';
export type { ResourceBefore, ResourceChangeCheck } from './resource.service';
