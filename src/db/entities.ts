import { DataItem, InformationResource, ResourceVersion } from '../modules/catalogue';
import { Organization } from '../modules/organization';
import { ProjectBudgetYear, Project, ProjectTransition } from '../modules/project';
import { SharingInterface } from '../modules/sharing';
import { AggregationRun } from '../modules/aggregation';
import { AcceptanceApplication, AcceptanceDocument, AcceptanceSnapshot, ExpertOpinion } from '../modules/acceptance';
import { SharingRequest } from '../modules/sharing-request';
import { CalendarFeedToken, EmailDigest, EmailRecipient, NotificationEvent, Webhook, WebhookAttempt, WebhookDelivery } from '../modules/notification';
import { IdempotencyKey } from './idempotency-key.entity';
import { ApiToken, User, UserSession } from '../modules/auth';

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
  NotificationEvent,
  Webhook,
  WebhookDelivery,
  WebhookAttempt,
  EmailRecipient,
  EmailDigest,
  CalendarFeedToken,
  IdempotencyKey,
  User,
  UserSession,
  ApiToken,
];
