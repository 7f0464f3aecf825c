import { DataItem, InformationResource, ResourceRevision, ResourceVersion } from '../modules/catalogue';
import { Organization } from '../modules/organization';
import { ProjectBudgetYear, Project, ProjectCoBuildingUnit, ProjectTransition } from '../modules/project';
import { SharingInterface } from '../modules/sharing';
import { AggregationRun, InterfaceRunTimes, ResourceRunTimes } from '../modules/aggregation';
import { AcceptanceApplication, AcceptanceDocument, AcceptanceSnapshot } from '../modules/acceptance';
import { ExpertAssignment, ExpertOpinion, ExpertReview } from '../modules/review';
import { SharingRequest } from '../modules/sharing-request';
import { CalendarFeedToken, EmailDigest, EmailRecipient, NotificationEvent, Webhook, WebhookAttempt, WebhookDelivery } from '../modules/notification';
import { ProjectRectification } from '../modules/rectification';
import { IdempotencyKey } from './idempotency-key.entity';
import { ApiToken, User, UserSession } from '../modules/auth';
import { WorkingCalendarYear } from '../modules/working-calendar';

/** Every entity of the hub, in one list for the DataSource. */
export const entities = [
  Organization,
  WorkingCalendarYear,
  Project,
  ProjectBudgetYear,
  ProjectTransition,
  ProjectCoBuildingUnit,
  InformationResource,
  DataItem,
  ResourceVersion,
  ResourceRevision,
  SharingInterface,
  AggregationRun,
  InterfaceRunTimes,
  ResourceRunTimes,
  AcceptanceApplication,
  AcceptanceDocument,
  AcceptanceSnapshot,
  ExpertReview,
  ExpertAssignment,
  ExpertOpinion,
  SharingRequest,
  NotificationEvent,
  Webhook,
  WebhookDelivery,
  WebhookAttempt,
  EmailRecipient,
  EmailDigest,
  CalendarFeedToken,
  ProjectRectification,
  IdempotencyKey,
  User,
  UserSession,
  ApiToken,
];
