/** The organization module's public face: organisations and their GB 32100 credit codes. */
export { creditCodeCheckChar, creditCodeProblem } from './credit-code.rules';
export { Organization } from './organization.entity';
export { OrganizationKind } from './organization.enums';
export { organizationJsonOf, organizationLoaders } from './organization.loaders';
export { organizationIdsAmongSql, organizationNameSql, organizationSelectSql } from './organization.sql';
export { OrganizationResolver } from './organization.resolver';
export { OrganizationService } from './organization.service';
