/**
 * The leading-group office's and the experts' work on a project: the plan review (experts
 * assigned, their opinions and every version of them, 第六条、第十条) and rectification orders
 * with the unit's reports and the office's decision (第三十三条).
 */
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { gql, UserError } from '../api';
import { label, options, when } from '../format';
import { hasRole, useViewer } from '../session';
import { confirmFail, Failure, useQuery } from './common';
import { applyUserErrors, ErrorList } from './errors';

interface Opinion {
  id: string;
  conclusion: string;
  opinion: string;
  version: number;
  recordedAt: string;
  supersededAt?: string | null;
}
interface Assignment {
  id: string;
  expertUserId: string;
  expertName: string | null;
  assignedAt?: string;
  opinion?: Opinion | null;
  opinionHistory?: Opinion[];
}
export interface Review {
  id: string;
  open: boolean;
  openedAt?: string;
  assignments: Assignment[];
}
interface Rectification {
  id: string;
  status: string;
  dueOn: string;
  reason: string;
  findings: string[];
  orderedAt: string;
  report: string | null;
  materials: string[];
  reportedAt: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  previousStatus: string;
}

/** Statuses from which the office may order a rectification (after approval, 第三十三条). */
const ORDERABLE = ['APPROVED', 'UNDER_CONSTRUCTION', 'TRIAL_OPERATION', 'ACCEPTANCE_APPLIED', 'ACCEPTED', 'ACCEPTANCE_FAILED', 'FILED', 'IN_OPERATION'];
const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A small form running one mutation; its userErrors land on the fields it names. */
function useStep(fields: string[], rename: Record<string, string> = {}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async (operation: string, input: Record<string, unknown>, success: string, done: () => void) => {
    setBusy(true);
    try {
      const data = await gql(operation, { input });
      const p = Object.values(data)[0] as { userErrors: UserError[] };
      // An input field shown under another name in the form (the refusal's reason is the note's field).
      const errors = p.userErrors.map((e) => {
        const last = e.field?.[e.field.length - 1];
        return last && rename[last] ? { ...e, field: [rename[last]] } : e;
      });
      if (errors.length)
        return setErrors(
          applyUserErrors(
            form,
            errors,
            fields.map((f) => [f]),
          ),
        );
      setErrors([]);
      form.resetFields();
      message.success(success);
      done();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { form, errors, busy, run };
}

interface Expert {
  userId: string;
  name: string;
  organizationName: string | null;
}

/**
 * The office assigns experts to a plan review or an acceptance review (第六条), choosing them by
 * name among the enabled expert accounts (`experts`, at most 100; the select filters them as typed).
 */
export function AssignExperts({ target, done }: { target: { projectId: string } | { applicationId: string }; done: () => void }) {
  const step = useStep(['expertUserIds']);
  const experts = useQuery<{ experts: Expert[] }>('Experts', {});
  return (
    <Form
      form={step.form}
      layout="inline"
      onFinish={(v: { expertUserIds: string[] }) => step.run('ExpertAssign', { ...target, expertUserIds: v.expertUserIds ?? [] }, '已指派评审专家', done)}
    >
      <ErrorList errors={step.errors} />
      {experts.error ? <Failure error={experts.error} /> : null}
      <Form.Item label="评审专家" name="expertUserIds" rules={[{ required: true, message: '请选择至少一位评审专家' }]}>
        <Select
          mode="multiple"
          showSearch
          allowClear
          loading={experts.loading}
          optionFilterProp="label"
          style={{ minWidth: 360 }}
          placeholder="按姓名查找专家"
          notFoundContent={experts.loading ? '加载中…' : '没有匹配的专家'}
          options={(experts.data?.experts ?? []).map((e) => ({
            value: e.userId,
            label: e.organizationName ? `${e.name}（${e.organizationName}）` : e.name,
          }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.busy}>
        指派专家
      </Button>
    </Form>
  );
}

/** The assigned experts with their current opinions and every earlier version. */
export function Assignments({ review }: { review: Review }) {
  if (!review.assignments.length) return <Empty description="尚未指派专家" />;
  return (
    <Table<Assignment>
      aria-label="指派的专家"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={review.assignments}
      expandable={{
        rowExpandable: (a) => (a.opinionHistory?.length ?? 0) > 1,
        expandedRowRender: (a) => (
          <Table<Opinion>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={a.opinionHistory}
            columns={[
              { title: '版本', dataIndex: 'version' },
              { title: '结论', dataIndex: 'conclusion', render: (c: string) => label('ExpertConclusion', c) },
              { title: '意见', dataIndex: 'opinion' },
              { title: '登记时间', dataIndex: 'recordedAt', render: when },
              { title: '被修订时间', dataIndex: 'supersededAt', render: when },
            ]}
          />
        ),
      }}
      columns={[
        { title: '专家', render: (_: unknown, a) => a.expertName ?? a.expertUserId },
        { title: '指派时间', dataIndex: 'assignedAt', render: when },
        {
          title: '结论',
          render: (_: unknown, a) => (a.opinion ? <Tag>{label('ExpertConclusion', a.opinion.conclusion)}</Tag> : <Tag color="orange">未提交</Tag>),
        },
        { title: '意见', render: (_: unknown, a) => a.opinion?.opinion ?? '—' },
        { title: '版本', render: (_: unknown, a) => (a.opinion ? `第 ${a.opinion.version} 版` : '—') },
        { title: '登记时间', render: (_: unknown, a) => when(a.opinion?.recordedAt) },
      ]}
    />
  );
}

/** An assigned expert records (or revises) an opinion on a declared plan (第十条). */
function PlanOpinion({ projectId, done }: { projectId: string; done: () => void }) {
  const step = useStep(['conclusion', 'opinion']);
  const { modal } = App.useApp();
  return (
    <Form
      form={step.form}
      layout="vertical"
      onFinish={(v: { conclusion: string; opinion: string }) =>
        confirmFail(modal, v.conclusion, () => step.run('ExpertOpinionRecord', { projectId, ...v }, '评审意见已记录', done))
      }
    >
      <ErrorList errors={step.errors} />
      <Form.Item label="评审结论" name="conclusion" rules={[{ required: true, message: '请选择评审结论' }]}>
        <Select options={options('ExpertConclusion')} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="建设方案评审意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写评审意见' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.busy}>
        提交评审意见
      </Button>
    </Form>
  );
}

function RectificationDetail({ r }: { r: Rectification }) {
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label="状态">
        <Tag color={r.status === 'ACCEPTED' ? 'green' : r.status === 'REFUSED' ? 'red' : 'blue'}>{label('RectificationStatus', r.status)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="整改期限">{r.dueOn}</Descriptions.Item>
      <Descriptions.Item label="整改理由" span={2}>
        {r.reason}
      </Descriptions.Item>
      <Descriptions.Item label="问题清单" span={2}>
        <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="整改问题清单">
          {r.findings.map((f, i) => (
            <li key={i}>{f}</li>
          ))}
        </ul>
      </Descriptions.Item>
      <Descriptions.Item label="下达时间">{when(r.orderedAt)}</Descriptions.Item>
      <Descriptions.Item label="报告时间">{when(r.reportedAt)}</Descriptions.Item>
      <Descriptions.Item label="整改情况" span={2}>
        {r.report ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label="整改材料" span={2}>
        {r.materials.length ? r.materials.join('、') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="验收意见">{r.decisionNote ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="结论时间">{when(r.decidedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

function OrderForm({ projectId, lockVersion, done }: { projectId: string; lockVersion: number; done: () => void }) {
  const step = useStep(['dueOn', 'reason', 'findings']);
  return (
    <Form
      form={step.form}
      layout="vertical"
      onFinish={(v: { dueOn: Dayjs; reason: string; findings: string }) =>
        step.run(
          'ProjectRectificationOrder',
          { projectId, lockVersion, dueOn: v.dueOn.format('YYYY-MM-DD'), reason: v.reason.trim(), findings: lines(v.findings) },
          '已责令限期整改',
          done,
        )
      }
    >
      <ErrorList errors={step.errors} />
      <Form.Item label="整改期限" name="dueOn" rules={[{ required: true, message: '请选择整改期限' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item
        label="整改理由"
        name="reason"
        extra="未实现批复的建设目标或未达到预期效果"
        rules={[{ required: true, whitespace: true, message: '请填写整改理由' }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label="问题清单（每行一项）" name="findings" rules={[{ required: true, whitespace: true, message: '请至少填写一项问题' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" danger htmlType="submit" loading={step.busy}>
        责令限期整改
      </Button>
    </Form>
  );
}

function ReportForm({ projectId, lockVersion, done }: { projectId: string; lockVersion: number; done: () => void }) {
  const step = useStep(['report', 'materials']);
  return (
    <Form
      form={step.form}
      layout="vertical"
      onFinish={(v: { report: string; materials: string }) =>
        step.run('ProjectRectificationReport', { projectId, lockVersion, report: v.report.trim(), materials: lines(v.materials) }, '已报告整改情况', done)
      }
    >
      <ErrorList errors={step.errors} />
      <Form.Item label="整改情况" name="report" rules={[{ required: true, whitespace: true, message: '请填写整改情况' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label="整改材料（每行一份）" name="materials" rules={[{ required: true, whitespace: true, message: '请至少列出一份整改材料' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.busy}>
        报告整改情况
      </Button>
    </Form>
  );
}

function DecideForm({ projectId, lockVersion, done }: { projectId: string; lockVersion: number; done: () => void }) {
  const step = useStep(['note', 'dueOn'], { reason: 'note' });
  const submit = async (accept: boolean) => {
    const v = step.form.getFieldsValue() as { note?: string; dueOn?: Dayjs };
    if (accept) return step.run('ProjectRectificationAccept', { projectId, lockVersion, note: v.note?.trim() || null }, '整改验收通过', done);
    // The API asks for the refusal's reason (the same field): its refusal lands beside it.
    return step.run(
      'ProjectRectificationRefuse',
      { projectId, lockVersion, reason: v.note?.trim() ?? '', dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null },
      '整改验收不通过，已退回建设单位',
      done,
    );
  };
  return (
    <Form form={step.form} layout="vertical">
      <ErrorList errors={step.errors} />
      <Form.Item label="验收意见（不通过时为理由，必填）" name="note">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label="新的整改期限（不通过时可选）" name="dueOn">
        <DatePicker />
      </Form.Item>
      <Space>
        <Button type="primary" onClick={() => submit(true)} loading={step.busy}>
          整改验收通过
        </Button>
        <Button danger onClick={() => submit(false)} loading={step.busy}>
          整改验收不通过
        </Button>
      </Space>
    </Form>
  );
}

/** The plan review and the rectifications of a project, with the step each role may take. */
export function Oversight({ code, changed, refresh }: { code: string; changed?: () => void; refresh?: string }) {
  const viewer = useViewer();
  const q = useQuery('ProjectOversight', { code });
  // The project page's own steps (列入年度计划 closes the review) change what this card shows: it is
  // read again after each step and again whenever the page's answer shows the project in another status.
  const { reload } = q;
  const seen = useRef(refresh);
  useEffect(() => {
    if (seen.current === refresh) return;
    seen.current = refresh;
    reload();
  }, [refresh, reload]);
  if (q.error) return <Failure error={q.error} />;
  const p = q.data?.project as
    | { id: string; status: string; lockVersion: number; planReview: Review | null; rectification: Rectification | null; rectifications: Rectification[] }
    | undefined;
  if (!p) return null;
  const done = () => {
    q.reload();
    changed?.();
  };
  const office = hasRole(viewer, 'LEADING_GROUP_OFFICE');
  const unit = hasRole(viewer, 'PROJECT_UNIT');
  const expert = hasRole(viewer, 'EXPERT');
  const review = p.planReview;
  const mine = review?.assignments.find((a) => a.expertUserId === viewer.userId);
  const open = p.rectification;
  const past = p.rectifications.filter((r) => r.id !== open?.id);
  return (
    <>
      {review || (office && p.status === 'DECLARED') ? (
        <Card title="建设计划和建设方案专家评审（第六条、第十条）">
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {review ? (
              <Typography.Text type="secondary">
                {review.open ? '评审进行中' : '评审已结束'}，开始于 {when(review.openedAt)}
              </Typography.Text>
            ) : null}
            {review ? <Assignments review={review} /> : <Empty description="尚未指派专家" />}
            {office && (review?.open ?? p.status === 'DECLARED') ? <AssignExperts target={{ projectId: p.id }} done={done} /> : null}
            {expert && mine && review?.open ? <PlanOpinion projectId={p.id} done={done} /> : null}
            {expert && !mine && review ? <Alert type="info" showIcon message="您未被指派评审本项目（第六条）" /> : null}
          </Space>
        </Card>
      ) : null}
      {open || past.length || (office && ORDERABLE.includes(p.status)) ? (
        <Card title="限期整改（第三十三条）">
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {open ? <RectificationDetail r={open} /> : null}
            {open && unit && ['ORDERED', 'REFUSED'].includes(open.status) ? <ReportForm projectId={p.id} lockVersion={p.lockVersion} done={done} /> : null}
            {open && office && open.status === 'REPORTED' ? <DecideForm projectId={p.id} lockVersion={p.lockVersion} done={done} /> : null}
            {!open && office && ORDERABLE.includes(p.status) ? <OrderForm projectId={p.id} lockVersion={p.lockVersion} done={done} /> : null}
            {past.length ? (
              <Table<Rectification>
                aria-label="整改记录"
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={past}
                columns={[
                  { title: '下达时间', dataIndex: 'orderedAt', render: when },
                  { title: '整改期限', dataIndex: 'dueOn' },
                  { title: '状态', dataIndex: 'status', render: (s: string) => label('RectificationStatus', s) },
                  { title: '整改理由', dataIndex: 'reason' },
                  { title: '验收意见', dataIndex: 'decisionNote', render: (n: string | null) => n ?? '—' },
                ]}
              />
            ) : null}
          </Space>
        </Card>
      ) : null}
    </>
  );
}
