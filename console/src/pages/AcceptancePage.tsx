import { Alert, App, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { gql, UserError } from '../api';
import { confirmFail, Failure, Loading, StatusTag, useQuery } from '../components/common';
import { applyUserErrors, ErrorList } from '../components/errors';
import { FIGURES, Figures } from '../figures';
import { label, options, percent, when } from '../format';
import { Link } from '../router';
import { hasRole, useViewer } from '../session';
import { Lifecycle } from './ProjectPage';
import { AssignExperts } from '../components/Oversight';

interface Counts {
  numerator: number;
  denominator: number;
}
const ratio = (c: Counts | undefined) => (c && c.denominator > 0 ? c.numerator / c.denominator : null);

/** Completeness frozen at application beside today's (第九条: 完整性是项目验收的重要依据). */
function ThenAndNow({ then, now }: { then: Record<string, Counts>; now: Figures | null }) {
  const rows = FIGURES.map((f) => ({ key: f.key, name: f.name, then: then[f.key], now: now?.[f.key] }));
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '指标', dataIndex: 'name' },
        {
          title: '申请时（冻结）',
          key: 'then',
          render: (_: unknown, r) => (r.then ? `${percent(ratio(r.then))}（${r.then.numerator}/${r.then.denominator}）` : '—'),
        },
        { title: '当前', key: 'now', render: (_: unknown, r) => (r.now ? `${percent(r.now.ratio)}（${r.now.numerator}/${r.now.denominator}）` : '—') },
        {
          title: '变化',
          key: 'delta',
          render: (_: unknown, r) => {
            const a = ratio(r.then);
            const b = r.now?.ratio ?? null;
            if (a === null || b === null || Math.abs(a - b) < 1e-9) return '—';
            return <Tag color={b > a ? 'green' : 'red'}>{`${b > a ? '+' : ''}${((b - a) * 100).toFixed(1)}%`}</Tag>;
          },
        },
      ]}
    />
  );
}

function OpinionForm({ applicationId, done }: { applicationId: string; done: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<UserError[]>([]);
  const save = async (v: { conclusion: string; opinion: string }) => {
    const { expertOpinionRecord: p } = await gql('ExpertOpinionRecord', { input: { applicationId, ...v } });
    if (p.userErrors.length) setErrors(applyUserErrors(form, p.userErrors, [['conclusion'], ['opinion']]));
    else {
      message.success('评审意见已记录');
      form.resetFields();
      done();
    }
  };
  return (
    <Card title="记录专家评审意见（第六条、第二十五条）" size="small">
      <ErrorList errors={errors} />
      <Form form={form} layout="vertical" onFinish={(v) => confirmFail(modal, v.conclusion, () => save(v).catch((e) => message.error(e.message)))}>
        <Form.Item label="结论" name="conclusion" rules={[{ required: true, message: '请选择结论' }]}>
          <Select options={options('ExpertConclusion')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="评审意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写评审意见' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          提交意见
        </Button>
      </Form>
    </Card>
  );
}

/** The documents an acceptance report carries (第二十六条); each listed with a title, file name and SHA-256. */
const REPORT_DOCUMENTS = ['SHARING_LIST', 'SOFTWARE_HARDWARE_CONTROLLABILITY', 'TECHNICAL_DOCUMENTATION'];
const APPLY_DOCUMENTS = ['CONSTRUCTION_SUMMARY', 'FINANCIAL_REPORT', 'SHARING_CATALOGUE', 'SECURITY_ASSESSMENT'];

async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Documents as the API takes them: a title and file name per kind; the fingerprint stands for the file's. */
async function documentsOf(kinds: string[], names: Record<string, string>) {
  return Promise.all(
    kinds
      .filter((k) => names[k]?.trim())
      .map(async (kind) => ({
        kind,
        title: label('AcceptanceDocumentKind', kind),
        fileName: names[kind].trim(),
        sha256: await fingerprint(`${kind}:${names[kind].trim()}`),
      })),
  );
}

/**
 * One file name per kind; each required one is checked beside its field before the API is asked, as the
 * API checks it (第二十五条 for the application, 第二十六条 for a passed acceptance).
 */
function DocumentFields({ kinds, article, required }: { kinds: string[]; article: string; required: (get: (name: string) => unknown) => boolean }) {
  return (
    <Row gutter={16}>
      {kinds.map((k) => (
        <Col xs={24} md={12} key={k}>
          <Form.Item
            label={`${label('AcceptanceDocumentKind', k)}（文件名）`}
            name={['documents', k]}
            dependencies={['result']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_: unknown, value: string | undefined) =>
                  !required(getFieldValue) || value?.trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(`须提交「${label('AcceptanceDocumentKind', k)}」（${article}）`)),
              }),
            ]}
          >
            <Input placeholder="如：验收报告.pdf" />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

function ResultForm({ applicationId, done }: { applicationId: string; done: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<UserError[]>([]);
  const save = async (v: {
    result: string;
    acceptedOn: Dayjs;
    overrideReason?: string;
    earlyAcceptanceReason?: string;
    rectificationDueOn?: Dayjs;
    documents?: Record<string, string>;
  }) => {
    const documents = await documentsOf(REPORT_DOCUMENTS, v.documents ?? {});
    const input = {
      applicationId,
      result: v.result,
      acceptedOn: v.acceptedOn.format('YYYY-MM-DD'),
      overrideReason: v.overrideReason?.trim() || null,
      earlyAcceptanceReason: v.earlyAcceptanceReason?.trim() || null,
      rectificationDueOn: v.rectificationDueOn ? v.rectificationDueOn.format('YYYY-MM-DD') : null,
      documents,
    };
    const { acceptanceRecordResult: p } = await gql('AcceptanceRecordResult', { input });
    if (p.userErrors.length)
      setErrors(applyUserErrors(form, p.userErrors, [['result'], ['acceptedOn'], ['overrideReason'], ['earlyAcceptanceReason'], ['rectificationDueOn']]));
    else {
      message.success(
        `验收结果已登记：${label('AcceptanceResult', v.result)}${v.rectificationDueOn ? `，已责令 ${v.rectificationDueOn.format('YYYY-MM-DD')} 前整改` : ''}`,
      );
      done();
    }
  };
  return (
    <Card title="登记验收结果（第二十六条）" size="small">
      <ErrorList errors={errors} />
      <Form form={form} layout="vertical" onFinish={(v) => save(v).catch((e) => message.error(e.message))}>
        <Space wrap align="start">
          <Form.Item label="验收结果" name="result" rules={[{ required: true, message: '请选择验收结果' }]}>
            <Select options={options('AcceptanceResult')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="验收日期" name="acceptedOn" rules={[{ required: true, message: '请选择验收日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <DocumentFields kinds={REPORT_DOCUMENTS} article="第二十六条" required={(get) => get('result') === 'PASSED'} />
        <Form.Item label="完整性未达标仍通过的理由" name="overrideReason" extra="完整性低于验收阈值时必填（第九条）">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="整改期限" name="rectificationDueOn" extra="低于完整性阈值仍予通过时可同时责令限期整改未达标的指标（第三十三条）；不整改则留空">
          <DatePicker />
        </Form.Item>
        <Form.Item label="上线运行未满三个月即验收的理由" name="earlyAcceptanceReason" extra="验收日期距上线不足三个月时必填（第二十四条）">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          登记结果
        </Button>
      </Form>
    </Card>
  );
}

function FileForm({ applicationId, done }: { applicationId: string; done: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<UserError[]>([]);
  const save = async (v: { filedOn: Dayjs }) => {
    const { acceptanceFile: p } = await gql('AcceptanceFile', { input: { applicationId, filedOn: v.filedOn.format('YYYY-MM-DD') } });
    if (p.userErrors.length) setErrors(applyUserErrors(form, p.userErrors, [['filedOn']]));
    else {
      message.success('已备案');
      done();
    }
  };
  return (
    <Card title="验收备案（第二十六条：验收后一个月内）" size="small">
      <ErrorList errors={errors} />
      <Form form={form} layout="inline" onFinish={(v) => save(v).catch((e) => message.error(e.message))}>
        <Form.Item label="备案日期" name="filedOn" rules={[{ required: true, message: '请选择备案日期' }]}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          备案
        </Button>
      </Form>
    </Card>
  );
}

function ApplyForm({ projectId, done }: { projectId: string; done: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<UserError[]>([]);
  const save = async (v: { documents?: Record<string, string> }) => {
    const documents = await documentsOf(APPLY_DOCUMENTS, v.documents ?? {});
    const { acceptanceApply: p } = await gql('AcceptanceApply', { input: { projectId, documents } });
    if (p.userErrors.length) setErrors(applyUserErrors(form, p.userErrors, []));
    else {
      message.success('已申请竣工验收，目录、共享清单和完整性已冻结');
      done();
    }
  };
  return (
    <Card title="申请竣工验收（第二十五条：试运行结束后一个月内）" size="small">
      <ErrorList errors={errors} />
      <Form form={form} layout="vertical" onFinish={(v) => save(v).catch((e) => message.error(e.message))}>
        <DocumentFields kinds={APPLY_DOCUMENTS} article="第二十五条" required={() => true} />
        <Button type="primary" htmlType="submit">
          提交申请
        </Button>
      </Form>
    </Card>
  );
}

export default function AcceptancePage({ code }: { code: string }) {
  const viewer = useViewer();
  const q = useQuery('Acceptance', { code });
  if (q.error) return <Failure error={q.error} />;
  if (!q.data) return <Loading />;
  const p = q.data.project;
  if (!p) return <Alert type="warning" showIcon message={`没有项目 ${code}，或无权查看`} />;
  const apps = [...p.acceptanceApplications].sort((a: { appliedAt: string }, b: { appliedAt: string }) => b.appliedAt.localeCompare(a.appliedAt));
  const app = apps[0];
  const content = app?.snapshot.content as
    { asOf: string; completeness: { counts: Record<string, Counts>; gaps: { resourceCode: string; reason: string; detail: string | null }[] } } | undefined;
  const diff = app?.snapshotDiff;
  const changes = diff
    ? [
        ...diff.resourcesAdded.map((c: string) => ({ what: '新增资源', code: c, fields: '' })),
        ...diff.resourcesRemoved.map((c: string) => ({ what: '删除资源', code: c, fields: '' })),
        ...diff.resourcesChanged.map((c: { code: string; fields: string[] }) => ({ what: '资源变更', code: c.code, fields: c.fields.join('、') })),
        ...diff.interfacesAdded.map((c: { resourceCode: string; endpoint: string }) => ({ what: '新增接口', code: c.resourceCode, fields: c.endpoint })),
        ...diff.interfacesRemoved.map((c: { resourceCode: string; endpoint: string }) => ({ what: '删除接口', code: c.resourceCode, fields: c.endpoint })),
        ...diff.interfacesChanged.map((c: { resourceCode: string; fields: string[] }) => ({
          what: '接口变更',
          code: c.resourceCode,
          fields: c.fields.join('、'),
        })),
      ].map((r, i) => ({ ...r, key: i }))
    : [];
  const open = app && !app.result && p.status === 'ACCEPTANCE_APPLIED';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/acceptance">竣工验收</Link> }, { title: p.code }]} />
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        <StatusTag type="ProjectStatus" value={p.status} />
        <Link to={`/projects/${p.code}`}>项目详情</Link>
        {app ? (
          <a href={`/acceptance/${app.id}/dossier.xlsx`} download>
            下载验收材料汇编（Excel，第二十六条）
          </a>
        ) : null}
      </Space>
      <Card>
        <Lifecycle status={p.status} />
      </Card>
      {hasRole(viewer, 'PROJECT_UNIT') && p.viewerBuilds && ['TRIAL_OPERATION', 'ACCEPTANCE_FAILED'].includes(p.status) ? (
        <ApplyForm projectId={p.id} done={q.reload} />
      ) : null}
      {!app ? (
        <Empty description="尚未申请竣工验收" />
      ) : (
        <>
          <Card title="验收申请">
            <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label="申请时间">
                {when(app.appliedAt)}
                {app.late ? (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    逾期申请（第二十五条）
                  </Tag>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label="验收结果">{app.result ? <StatusTag type="AcceptanceResult" value={app.result} /> : '待验收'}</Descriptions.Item>
              <Descriptions.Item label="验收日期 / 备案日期">
                {app.acceptedOn ?? '—'} / {app.filedOn ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="快照时间">{when(app.snapshot.takenAt)}</Descriptions.Item>
              <Descriptions.Item label="快照校验">
                {app.snapshot.verify ? <Tag color="green">内容未被改动</Tag> : <Tag color="red">校验失败</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="内容摘要（SHA-256）">
                <Typography.Text code copyable style={{ fontSize: 12 }}>
                  {app.snapshot.contentHash.slice(0, 16)}…
                </Typography.Text>
              </Descriptions.Item>
              {app.overrideReason ? <Descriptions.Item label="未达标通过理由">{app.overrideReason}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
          <Card title="信息资源共享完整性：申请时与当前">
            <ThenAndNow then={content?.completeness.counts ?? {}} now={p.completeness} />
          </Card>
          <Card title={`申请后目录与共享清单的变化（${changes.length}）`}>
            <Table
              size="small"
              pagination={false}
              dataSource={changes}
              locale={{ emptyText: '与冻结快照一致' }}
              columns={[
                { title: '变化', dataIndex: 'what' },
                { title: '资源代码', dataIndex: 'code' },
                { title: '字段 / 地址', dataIndex: 'fields' },
              ]}
            />
          </Card>
          <Card title={`申请时的缺口（${content?.completeness.gaps.length ?? 0}）`}>
            <Table
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              rowKey={(g) => `${g.resourceCode}:${g.reason}`}
              dataSource={content?.completeness.gaps ?? []}
              locale={{ emptyText: '申请时没有缺口' }}
              columns={[
                { title: '资源代码', dataIndex: 'resourceCode' },
                { title: '原因', dataIndex: 'reason', render: (r: string) => label('GapReason', r) },
                { title: '说明', dataIndex: 'detail', render: (d: string | null) => d ?? '—' },
              ]}
            />
          </Card>
          <Card title="验收材料">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={app.documents}
              columns={[
                { title: '材料', dataIndex: 'kind', render: (k: string) => label('AcceptanceDocumentKind', k) },
                { title: '标题', dataIndex: 'title' },
                { title: '文件名', dataIndex: 'fileName' },
                { title: 'SHA-256', dataIndex: 'sha256', render: (h: string) => <code>{h.slice(0, 12)}…</code> },
              ]}
            />
          </Card>
          <Card title={`专家评审意见（${app.expertOpinions.length}）`}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={app.expertOpinions}
              locale={{ emptyText: '尚无评审意见' }}
              columns={[
                { title: '时间', dataIndex: 'recordedAt', render: when },
                {
                  title: '专家',
                  dataIndex: 'expertName',
                  render: (name: string | null, o: { expertUserId: string }) => name ?? o.expertUserId,
                },
                { title: '结论', dataIndex: 'conclusion', render: (c: string) => label('ExpertConclusion', c) },
                { title: '意见', dataIndex: 'opinion' },
              ]}
            />
          </Card>
          <Card title={`指派的评审专家（${app.review?.assignments.length ?? 0}）`}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <span aria-label="指派的评审专家">
                {app.review?.assignments.length
                  ? app.review.assignments.map((a: { id: string; expertName: string | null; expertUserId: string }) => (
                      <Tag key={a.id}>{a.expertName ?? a.expertUserId}</Tag>
                    ))
                  : '尚未指派专家'}
              </span>
              {open && hasRole(viewer, 'LEADING_GROUP_OFFICE') ? <AssignExperts target={{ applicationId: app.id }} done={q.reload} /> : null}
            </Space>
          </Card>
          {open && hasRole(viewer, 'EXPERT') ? <OpinionForm applicationId={app.id} done={q.reload} /> : null}
          {open && hasRole(viewer, 'LEADING_GROUP_OFFICE') ? <ResultForm applicationId={app.id} done={q.reload} /> : null}
          {p.status === 'ACCEPTED' && hasRole(viewer, 'LEADING_GROUP_OFFICE') ? <FileForm applicationId={app.id} done={q.reload} /> : null}
        </>
      )}
    </Space>
  );
}
