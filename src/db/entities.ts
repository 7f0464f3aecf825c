import { DataItem } from '../modules/catalogue/data-item.entity';
import { InformationResource } from '../modules/catalogue/information-resource.entity';
import { ResourceVersion } from '../modules/catalogue/resource-version.entity';
import { Organization } from '../modules/organization/organization.entity';
import { ProjectBudgetYear } from '../modules/project/project-budget-year.entity';
import { Project } from '../modules/project/project.entity';
import { ProjectTransition } from '../modules/project/project-transition.entity';
import { SharingInterface } from '../modules/sharing/sharing-interface.entity';

/** Every entity of the hub, in one list for the DataSource. */
export const entities = [Organization, Project, ProjectBudgetYear, ProjectTransition, InformationResource, DataItem, ResourceVersion, SharingInterface];
