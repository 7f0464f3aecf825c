import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { RequestContext } from '../../common/request-context';
import type { DeadlineService } from '../deadline';
import type { Deadline } from '../deadline';
import { CalendarEntry, icsFeed } from './calendar-ics';
import type { NotificationService } from './notification.service';

/** Chinese title of each deadline kind in a calendar. */
const TITLE: Record<string, string> = {
  PLAN_DECLARATION: '报送建设计划',
  ACCEPTANCE_EARLIEST: '最早可验收',
  ACCEPTANCE_WINDOW: '竣工验收期限',
  ACCEPTANCE_APPLICATION: '提交竣工验收申请',
  FILING: '验收报告备案',
  SHARING_REQUEST_ANSWER: '答复共享申请',
};

/** Every deadline the caller may read, through the deadline module's own query, page by page. */
async function allDeadlines(deadlines: DeadlineService, ctx: RequestContext, pageSize: number): Promise<Deadline[]> {
  const out: Deadline[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await deadlines.list(ctx, {}, { first: pageSize, after });
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor ?? undefined;
  }
}

function entryOf(d: Deadline): CalendarEntry {
  const about = d.projectId ? `project ${d.projectId}` : `sharing-request ${d.sharingRequestId}`;
  return {
    uid: `${d.kind}-${d.projectId ?? d.sharingRequestId}-${d.dueOn}@catalogue-hub`,
    date: d.dueOn,
    summary: `${d.overdue ? '【已逾期】' : ''}${TITLE[d.kind] ?? d.kind}${d.article ? `（${d.article}）` : ''}`,
    description: `${d.rule}\n到期日：${d.dueOn}\n${about}`,
  };
}

/**
 * GET /calendar.ics?token=…: the deadlines of the feed token's caller as an iCalendar feed. The
 * token is the only credential (calendar programs send no Authorization header); an unknown one is 401.
 */
export async function serveCalendarFeed(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { notifications: NotificationService; deadlines: DeadlineService; log: Logger; requestId: string; pageSize: number; now: Date },
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405;
    res.setHeader('allow', 'GET, HEAD');
    res.end();
    return;
  }
  const token = new URL(req.url ?? '/', 'http://hub').searchParams.get('token') ?? '';
  const caller = await deps.notifications.callerOfFeedToken(token);
  if (!caller) {
    res.statusCode = 401;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('日历订阅令牌无效或已更换（calendarFeedTokenRotate）');
    return;
  }
  const deadlines = await allDeadlines(deps.deadlines, { caller, log: deps.log, requestId: deps.requestId }, deps.pageSize);
  const body = icsFeed('政务信息化项目期限', deadlines.map(entryOf), deps.now);
  res.statusCode = 200;
  res.setHeader('content-type', 'text/calendar; charset=utf-8');
  res.setHeader('cache-control', 'private, max-age=300');
  res.end(req.method === 'HEAD' ? undefined : body);
}
