/** The catalogue module's public face: information resources, their data items and published versions, the visibility rule and the metadata rules (第五条、第八条、第九条). */
export {
  CATALOGUE_CLASS_DIGIT,
  CATALOGUE_KIND_LABEL,
  CatalogueKind,
  DATA_GRADE_LABEL,
  DATA_ITEM_TYPE_LABEL,
  OPEN_TYPE_LABEL,
  RESOURCE_FORMAT_LABEL,
  RESOURCE_STATUS_LABEL,
  REVISION_STATUS_LABEL,
  RevisionStatus,
  SHARING_METHOD_LABEL,
  SHARING_TYPE_LABEL,
  UPDATE_FREQUENCY_LABEL,
  DataGrade,
  DataItemType,
  FREQUENCY_ORDER,
  OpenType,
  ResourceFormat,
  ResourceStatus,
  SHAREABLE,
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
export { ResourceRevision } from './resource-revision.entity';
export { ResourceRevisionResolver } from './resource-revision.resolver';
export { ResourceVersionResolver } from './resource-version.resolver';
export {
  DataItemInput,
  ResourceCreateInput,
  ResourceFilter,
  ResourceIdInput,
  ResourceReturnInput,
  ResourceRevisionWithdrawInput,
  ResourceUpdateInput,
} from './resource.inputs';
export { resourceLoaders } from './resource.loaders';
export { registerCataloguePart } from './catalogue.lookahead';
export type { CataloguePart } from './catalogue.lookahead';
export type { AsCaller } from './resource.loaders';
export { ResourceResolver } from './resource.resolver';
export { FREQUENCY_NAME, itemProblems, sharingProblems, syncTooRare } from './resource.rules';
export type { ItemShape } from './resource.rules';
/** 第八条: malformed data items as SQL, the twin of itemProblems (completeness gap MALFORMED_ITEMS). */
export { malformedItemsSql } from './data-item.sql';
export { filteredResources, isVisibleTo, whereVisible } from './resource.search';
export { codeOfEntryNamed, ResourceService } from './resource.service';
export type { ResourceBefore, ResourceChangeCheck } from './resource.service';
/** 第五条: entries waiting on a review step, as SQL for the to-dos. */
export { RESOURCES_UNDER_REVIEW } from './resource-review.sql';
export { itemisedResourcesSql, liveResourcesOfProjectsSql, RESOURCE_HEADS } from './resource.sql';
