import { DataItem } from '../modules/catalogue/data-item.entity';
import { InformationResource } from '../modules/catalogue/information-resource.entity';
import { ResourceVersion } from '../modules/catalogue/resource-version.entity';
import { Organization } from '../modules/organization/organization.entity';
import { ProjectBudgetYear } from '../modules/project/project-budget-year.entity';
import { Project } from '../modules/project/project.entity';
import { ProjectTransition } from '../modules/project/project-transition.entity';
import { SharingInterface } from '../modules/sharing/sharing-interface.entity';
import { AggregationRun } from '../modules/aggregation/aggregation-run.entity';
import { AcceptanceApplication } from '../modules/acceptance/acceptance-application.entity';
import { AcceptanceDocument } from '../modules/acceptance/acceptance-document.entity';
import { AcceptanceSnapshot } from '../modules/acceptance/acceptance-snapshot.entity';
import { ExpertOpinion } from '../modules/acceptance/expert-opinion.entity';
import { SharingRequest } from '../modules/sharing-request/sharing-request.entity';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity';

/** Every entity of the hub, in one list for the DataSource. */
export const entities = [
  Organization,
  Project,
  ProjectBudgetYear,
  ProjectTransition,
  InformationResource,
  DataItem,
  ResourceVersion,
  SharingInterface,
  AggregationRun,
  AcceptanceApplication,
  AcceptanceDocument,
  AcceptanceSnapshot,
  ExpertOpinion,
  SharingRequest,
  IdempotencyKey,
];
