import nodemailer, { Transporter } from 'nodemailer';
import { NotificationEventKind as E } from './notification.enums';

/** Chinese headline of each event kind in the digest. */
const HEADLINE: Record<E, string> = {
  [E.RESOURCE_RETURNED]: '信息资源目录被退回，请修改后重新提交（第五条）',
  [E.SHARING_REQUEST_CREATED]: '收到共享申请，请在10个工作日内答复',
  [E.DEADLINE_DUE_7]: '期限将在7天内到期',
  [E.DEADLINE_DUE_3]: '期限将在3天内到期',
  [E.DEADLINE_DUE_1]: '期限明日或今日到期',
  [E.DEADLINE_OVERDUE]: '期限已逾期',
  [E.AGGREGATION_FAILING]: '共享接口归集连续失败（第十七条）',
  [E.REVIEW_ASSIGNED]: '领导小组办公室指派了专家评审（第六条）',
  [E.RECTIFICATION_ORDERED]: '项目被责令限期整改，请在期限内报告整改情况（第三十三条）',
  [E.RECTIFICATION_REPORTED]: '项目单位已报告整改情况，请作出整改验收结论（第三十三条）',
  [E.RECTIFICATION_DECIDED]: '项目整改有新的结论或处置（第三十三条）',
  [E.CO_BUILDING_PROPOSED]: '本单位被提议为项目共建单位，请确认接受或拒绝（第十四条）',
};

export interface DigestEvent {
  id: string;
  kind: E;
  occurred_at: Date;
  data: Record<string, unknown>;
}

export interface DigestMessage {
  digestId: string;
  to: string;
  digestDate: string;
  events: DigestEvent[];
  publicUrl: string | null;
}

/** One line per event: headline, what it is about, the due date and rule where there is one, and the event id. */
function line(e: DigestEvent): string {
  const d = e.data as Record<string, string | number | null | undefined>;
  const about = [
    d.resourceCode && `信息资源 ${d.resourceCode} ${d.resourceName ?? ''}`.trim(),
    d.projectCode && `项目 ${d.projectCode} ${d.projectName ?? ''}`.trim(),
    d.stepLabel && `事项：${d.stepLabel}`,
    d.reason && `退回原因：${d.reason}`,
    d.note && `说明：${d.note}`,
    d.dueOn && `到期日 ${d.dueOn}`,
    typeof d.daysLeft === 'number' && (d.daysLeft < 0 ? `已逾期 ${-d.daysLeft} 天` : `剩余 ${d.daysLeft} 天`),
    d.article && `依据 ${d.article}`,
    d.rule && `（${d.rule}）`,
    d.lastFailureReason && `最近失败原因：${d.lastFailureReason}`,
  ]
    .filter(Boolean)
    .join('；');
  return `• ${HEADLINE[e.kind]}${about ? `：${about}` : ''}\n  事件编号 ${e.id}`;
}

export function digestText(m: DigestMessage): string {
  return [
    `您好，以下是 ${m.digestDate} 的政务信息资源目录提醒（共 ${m.events.length} 条）：`,
    '',
    ...m.events.map(line),
    '',
    m.publicUrl ? `待办事项请登录 ${m.publicUrl}/console/ 查看。` : '待办事项请登录平台控制台查看。',
    '本邮件由 catalogue-hub 每日发送一次，请勿直接回复。',
  ].join('\n');
}

/** Sends digests over the configured SMTP server; the digest id is the Message-ID, the same on a resend. */
export class DigestMailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(m: DigestMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: m.to,
      subject: `【政务信息资源提醒】${m.digestDate}：${m.events.length} 条`,
      text: digestText(m),
      messageId: `<digest-${m.digestId}@catalogue-hub>`,
      headers: { 'X-Hub-Digest-Id': m.digestId, 'X-Hub-Event-Ids': m.events.map((e) => e.id).join(',') },
    });
  }

  close(): void {
    this.transport.close();
  }
}
