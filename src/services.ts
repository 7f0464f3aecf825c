import type { DataSource } from 'typeorm';
import { Clock, systemClock } from './common/clock';
import type { Config } from './config';
import { ApiTokenService, IdentityService, SessionService, sessionRoute, TokenService, UserService } from './modules/auth';
import { OrganizationService } from './modules/organization';
import { CoBuildingService, ProjectService } from './modules/project';
import { ResourceReviewService, ResourceService } from './modules/catalogue';
import { InterfaceService, sharingListProblems } from './modules/sharing';
import { AggregationService } from './modules/aggregation';
import { CompletenessService, sharingAnalysisProblems } from './modules/completeness';
import { AcceptanceService } from './modules/acceptance';
import { SharingRequestService } from './modules/sharing-request';
import { DeadlineService } from './modules/deadline';
import { CatalogueImportService, DcatExport, exchangeRoutes } from './modules/exchange';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { NotificationService, serveCalendarFeed } from './modules/notification';
import { TodoService } from './modules/todo';
import { planReviewCheck, ReviewService } from './modules/review';
import { ProjectRectificationOrderInput, RectificationService } from './modules/rectification';
import { WorkingCalendarService } from './modules/working-calendar';

/** A plain HTTP route a module serves beside /graphql (the request's logger and id given). */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse, request: { log: Logger; requestId: string }) => Promise<void>;
import { IdempotencyService } from './db/idempotency';
import { setMutationRecorder } from './db/transaction';
import { AuditRecorder, AuditService } from './modules/audit';

/** The composition root of the domain services: one instance each per process. */
export function createServices(ds: DataSource, config: Config, clock: Clock = systemClock) {
  const completeness = new CompletenessService(ds, config, clock);
  const organizations = new OrganizationService(ds, config);
  // 第九条: the sharing analysis complete (the completeness module's definition); 第十条: a declared
  // plan enters the annual plan after its expert review (the review module's rule).
  const projects = new ProjectService(ds, config, clock, [(em, project) => sharingAnalysisProblems(em, project.id), planReviewCheck(config.planReviewQuorum)]);
  const resources = new ResourceService(ds, config, [sharingListProblems]);
  const interfaces = new InterfaceService(ds, config, clock);
  const rectification = new RectificationService(ds, clock, config);
  // 第三十三条: an acceptance passed below the thresholds may order the rectification in the same step.
  const acceptance = new AcceptanceService(ds, config, clock, completeness, async (ctx, projectId, terms) => {
    const order = Object.assign(new ProjectRectificationOrderInput(), { projectId, ...terms });
    return (await rectification.order(ctx, order)).userErrors;
  });
  const catalogueImport = new CatalogueImportService(ds, { resources, interfaces, organizations, projects, pageSize: config.maxPageSize });
  const dcat = new DcatExport(ds, resources, organizations);
  const deadlines = new DeadlineService(ds, config, clock);
  const notifications = new NotificationService(ds, config, clock);
  // Every mutation run through `mutate` writes its audit entry (审计记录, 第三十四条).
  setMutationRecorder(new AuditRecorder());
  // Sessions, lockouts and token expiry run on the wall clock (as the tokens' exp does), never on
  // the business clock a spec or the demo seed may set to another day.
  const tokens = new TokenService(config);
  const identity = new IdentityService(ds, config, systemClock, tokens);
  const audit = new AuditService(ds, config);
  // 第十九条: a refused sign-in is a security event of the audit log (rate-limited there).
  const sessions = new SessionService(ds, config, systemClock, tokens, (ctx, login, reason) => audit.signInFailed(ctx, login, reason));
  const httpRoutes: Record<string, HttpRoute> = {
    // The console's sign-in, who is signed in, sign-out (the session cookie; auth module).
    '/auth/session': sessionRoute({ config, sessions, identity }),
    // The feed token's caller's deadlines as iCalendar (notification module).
    '/calendar.ics': (req, res, request) =>
      serveCalendarFeed(req, res, { notifications, deadlines, ...request, pageSize: config.maxPageSize, now: clock.now() }),
  };
  return {
    clock,
    /** The largest page a connection answers (MAX_PAGE_SIZE), for the nested connections' loaders. */
    maxPageSize: config.maxPageSize,
    tokens,
    /** Who a request's caller is: bearer tokens, API tokens, single sign-on, the session cookie. */
    identity,
    sessions,
    users: new UserService(ds, config, systemClock),
    apiTokens: new ApiTokenService(ds, config, systemClock),
    organizations,
    projects,
    coBuilding: new CoBuildingService(ds),
    resources,
    resourceReview: new ResourceReviewService(ds, clock, [sharingListProblems]),
    interfaces,
    dcat,
    catalogueImport,
    aggregation: new AggregationService(ds, config, clock),
    completeness,
    acceptance,
    reviews: new ReviewService(ds, clock),
    rectification,
    /** The working-day calendar's notices (loaded at start, entered by ADMIN). */
    workingCalendar: new WorkingCalendarService(ds, clock),
    /** The HTTP routes that answer files (template, import, exports, reports); false for a path not theirs. */
    fileRoutes: exchangeRoutes({ ds, config, resources, catalogueImport, dcat, completeness, organizations, acceptance }),
    sharingRequests: new SharingRequestService(ds, config, clock),
    deadlines,
    todos: new TodoService(ds, config, clock),
    notifications,
    httpRoutes,
    audit,
    // A claim with no answer after this long belongs to a request that died: it may be taken again.
    idempotency: new IdempotencyService(ds, config.idempotencyTtlSeconds, Math.max(30_000, config.statementTimeoutMs * 4)),
  };
}

export type Services = ReturnType<typeof createServices>;
