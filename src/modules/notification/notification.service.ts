import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock';
import type { Config } from '../../config';
import { mutate, Outcome } from '../../db/transaction';
import { ConnectionArgs } from '../../graphql/connection';
import { Page, paginate } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserErrorCode } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Caller } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { userSummary } from '../auth';
import { CalendarFeedToken } from './calendar-feed-token.entity';
import { EmailRecipient } from './email-recipient.entity';
import { NotificationEmailSetInput, WebhookCreateInput, WebhookDeleteInput } from './notification.inputs';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

/** The roles reminders are addressed to: a project unit for its organisation, the offices for the district. */
export const RECEIVING_ROLES = [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU, Role.LEADING_GROUP_OFFICE];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A webhook URL: http or https, a host, no credentials or fragment; null when it is fine, else why not. */
export function webhookUrlProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return '回调地址不是合法的URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return '回调地址须以 http:// 或 https:// 开头';
  if (!u.hostname) return '回调地址缺少主机名';
  if (u.username || u.password) return '回调地址不能包含用户名或密码，请用签名校验来源';
  if (u.hash) return '回调地址不能包含 # 片段';
  return null;
}

/** The role a caller receives reminders as: the one asked for (which it must hold), else its first receiving role. */
function receivingRole(caller: Caller, asked: Role | null | undefined, field: string[]): Role {
  if (asked) {
    if (!RECEIVING_ROLES.includes(asked)) refuse(UserErrorCode.INVALID, '只有项目建设单位、大数据管理局和领导小组办公室可以接收提醒', field);
    if (!caller.roles.includes(asked)) refuse(UserErrorCode.NOT_ALLOWED, '当前用户不具有该角色', field);
    return asked;
  }
  const role = RECEIVING_ROLES.find((r) => caller.roles.includes(r));
  if (!role) refuse(UserErrorCode.NOT_ALLOWED, '只有项目建设单位、大数据管理局和领导小组办公室可以接收提醒', field);
  return role;
}

function callerOrganization(caller: Caller, field: string[]): string {
  if (!caller.organizationId) refuse(UserErrorCode.NOT_ALLOWED, '当前用户不属于任何单位，不能设置提醒', field);
  return caller.organizationId;
}

/** Delivery channels an organisation configures (webhooks, the digest address) and the calendar feed tokens. */
export class NotificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize' | 'publicUrl'>,
    private readonly clock: Clock,
  ) {}

  /** Registers a webhook for the caller's organisation and role; the secret is returned this once. */
  async webhookCreate(ctx: RequestContext, input: WebhookCreateInput): Promise<Outcome<{ webhook: Webhook; secret: string }>> {
    if (typeof input.url === 'string') input.url = input.url.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const caller = ctx.caller!;
      const problem = webhookUrlProblem(input.url);
      if (problem) refuse(UserErrorCode.INVALID, problem, ['input', 'url']);
      const organizationId = callerOrganization(caller, ['input', 'url']);
      const role = receivingRole(caller, input.role, ['input', 'role']);
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      const webhook = await em.save(em.create(Webhook, { organizationId, role, url: input.url, secret, createdBy: caller.userId }));
      return { webhook, secret };
    });
  }

  /** Removes one of the caller's organisation's webhooks (as a holder of its role); it receives nothing more, its log stays. */
  async webhookDelete(ctx: RequestContext, input: WebhookDeleteInput): Promise<Outcome<string>> {
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const field = ['input', 'id'];
      const w = await em.findOne(Webhook, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!w || w.deletedAt || !this.owns(ctx.caller, w)) refuse(UserErrorCode.NOT_FOUND, '回调地址不存在', field);
      w.deletedAt = this.clock.now();
      await em.save(w);
      return w.id;
    });
  }

  /** The caller's organisation's webhooks of the roles it holds, newest first (a short list: no paging). */
  async webhooks(ctx: RequestContext): Promise<Webhook[]> {
    const caller = ctx.caller;
    if (!caller?.organizationId) return [];
    return this.ds
      .getRepository(Webhook)
      .createQueryBuilder('w')
      .where('w.organizationId = :org AND w.role IN (:...roles) AND w.deletedAt IS NULL', { org: caller.organizationId, roles: caller.roles })
      .orderBy('w.createdAt', 'DESC')
      .addOrderBy('w.id')
      .getMany();
  }

  /** A webhook's deliveries, in the order they were owed (created_at is kept to the millisecond, so the cursor is exact). */
  deliveries(webhookId: string, args: ConnectionArgs): Promise<Page<WebhookDelivery>> {
    const qb = this.ds.getRepository(WebhookDelivery).createQueryBuilder('d').where('d.webhookId = :webhookId', { webhookId });
    return paginate(qb, args, { expression: 'd.createdAt', value: (d) => d.createdAt.toISOString() }, this.config.maxPageSize);
  }

  /** Sets (or replaces) the digest address of the caller's organisation for one role. */
  async emailSet(ctx: RequestContext, input: NotificationEmailSetInput): Promise<Outcome<EmailRecipient>> {
    if (typeof input.address === 'string') input.address = input.address.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const caller = ctx.caller!;
      const organizationId = callerOrganization(caller, ['input', 'address']);
      const role = receivingRole(caller, input.role, ['input', 'role']);
      await em.query(
        `INSERT INTO email_recipient (organization_id, role, address) VALUES ($1, $2, $3)
         ON CONFLICT (organization_id, role) DO UPDATE SET address = EXCLUDED.address`,
        [organizationId, role, input.address],
      );
      return em.findOneByOrFail(EmailRecipient, { organizationId, role });
    });
  }

  /** Makes the caller's calendar feed token, replacing any earlier one; the token is returned this once, only its hash kept. */
  async feedTokenRotate(ctx: RequestContext): Promise<Outcome<{ token: string; url: string }>> {
    return mutate(this.ds, ctx, async (em) => {
      const caller = ctx.caller!;
      const token = `cal_${randomBytes(32).toString('base64url')}`;
      await em.query(
        `INSERT INTO calendar_feed_token (token_hash, user_id, organization_id, roles) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, organization_id = EXCLUDED.organization_id,
                                             roles = EXCLUDED.roles, created_at = now()`,
        [sha256(token), caller.userId, caller.organizationId, caller.roles],
      );
      return { token, url: `${this.config.publicUrl ?? ''}/calendar.ics?token=${token}` };
    });
  }

  /** The caller a feed token stands for; null for an unknown (or rotated) token. */
  async callerOfFeedToken(token: string): Promise<Caller | null> {
    if (!/^cal_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const row = await this.ds.getRepository(CalendarFeedToken).findOneBy({ tokenHash: sha256(token) });
    if (!row) return null;
    // The feed reads as its user's account stands now: a disabled user's feed is refused, and a
    // change of roles or organisation applies at once. A feed of a service account keeps its own.
    const account = await userSummary(this.ds, row.userId);
    if (account) {
      return account.disabled ? null : { userId: account.id, organizationId: account.organizationId, roles: account.roles, name: account.name, kind: 'USER' };
    }
    return { userId: row.userId, organizationId: row.organizationId, roles: row.roles as Role[] };
  }

  private owns(caller: Caller | null, w: Webhook): boolean {
    return !!caller && caller.organizationId === w.organizationId && caller.roles.includes(w.role);
  }
}
