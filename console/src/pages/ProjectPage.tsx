import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { gql, UserError } from '../api';
import { Failure, Loading, StatusTag, useQuery } from '../components/common';
import { applyUserErrors, ErrorList, withArticle } from '../components/errors';
import { GapList } from '../components/GapList';
import { Oversight } from '../components/Oversight';
import { FigureCards, Figures } from '../figures';
import { day, label, when, yuan } from '../format';
import { Link, useRoute } from '../router';
import { hasRole, useViewer } from '../session';

/** The main path of a project's life (第七条 to 第二十七条); side states are shown on the step they left. */
const PATH = ['DRAFT', 'DECLARED', 'APPROVED', 'UNDER_CONSTRUCTION', 'TRIAL_OPERATION', 'ACCEPTANCE_APPLIED', 'ACCEPTED', 'FILED', 'IN_OPERATION'];
const SIDE: Record<string, [at: string, status: 'error' | 'wait']> = {
  REJECTED: ['DECLARED', 'error'],
  ACCEPTANCE_FAILED: ['ACCEPTANCE_APPLIED', 'error'],
  RECTIFYING: ['ACCEPTANCE_APPLIED', 'wait'],
  SUSPENDED: ['UNDER_CONSTRUCTION', 'wait'],
  TERMINATED: ['UNDER_CONSTRUCTION', 'error'],
};

interface ResourceRow {
  id: string;
  code: string;
  name: string;
  status: string;
  sharingType: string | null;
  dataItems: unknown[];
  interfaces: { mountStatus: string }[];
}

interface NextAction {
  mutation: string;
  label: string;
  role: string;
  article: string | null;
  missing: UserError[];
}

export function Lifecycle({ status }: { status: string }) {
  const side = SIDE[status];
  const current = PATH.indexOf(side ? side[0] : status);
  return (
    <Steps
      size="small"
      current={current}
      status={side ? side[1] : status === 'IN_OPERATION' ? 'finish' : 'process'}
      items={PATH.map((s, i) => ({ title: i === current && side ? label('ProjectStatus', status) : label('ProjectStatus', s) }))}
      aria-label={`项目生命周期，当前：${label('ProjectStatus', status)}`}
    />
  );
}

/** Mutations the page can run for a step directly, with the form each needs. */
function StepButton({ project, action, done }: { project: { id: string; code: string }; action: NextAction; done: () => void }) {
  const { message } = App.useApp();
  const { go } = useRoute();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const ready = action.missing.length === 0;
  const needsForm = ['projectGoLive', 'projectReject'].includes(action.mutation);
  /** Steps that go without a form but are asked once more: what the confirmation says. */
  const confirmed: Record<string, string> = {
    projectApprove: `项目 ${project.code} 将列入年度计划，专家评审随之结束。`,
  };
  const elsewhere: Record<string, string> = {
    acceptanceApply: `/acceptance/${project.code}`,
    acceptanceRecordResult: `/acceptance/${project.code}`,
    acceptanceFile: `/acceptance/${project.code}`,
  };

  const run = async (values: Record<string, unknown> = {}) => {
    setBusy(true);
    const input: Record<string, unknown> = { projectId: project.id };
    if (action.mutation === 'projectGoLive') {
      input.goLiveDate = (values.goLiveDate as Dayjs).format('YYYY-MM-DD');
      if (values.trialEndDate) input.trialEndDate = (values.trialEndDate as Dayjs).format('YYYY-MM-DD');
    }
    if (action.mutation === 'projectReject') input.reason = values.reason;
    const name = action.mutation[0].toUpperCase() + action.mutation.slice(1);
    try {
      const data = await gql(name, { input });
      const payload = data[action.mutation];
      if (payload.userErrors.length) {
        setErrors(needsForm ? applyUserErrors(form, payload.userErrors, [['goLiveDate'], ['trialEndDate'], ['reason']]) : payload.userErrors);
        return;
      }
      setOpen(false);
      setErrors([]);
      message.success(`已${action.label}`);
      done();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (elsewhere[action.mutation]) {
    return (
      <Button type="primary" onClick={() => go(elsewhere[action.mutation])}>
        {action.label}
      </Button>
    );
  }
  return (
    <>
      <Space direction="vertical" style={{ width: '100%' }}>
        {confirmed[action.mutation] ? (
          // 第十条: listing a project in the annual plan closes its review; asked once more before it is sent.
          <Popconfirm
            title={`${action.label}？`}
            description={confirmed[action.mutation]}
            okText="确定"
            cancelText="取消"
            disabled={!ready}
            onConfirm={() => run()}
          >
            <Button type="primary" disabled={!ready} loading={busy}>
              {action.label}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            type="primary"
            danger={action.mutation === 'projectReject'}
            disabled={!ready}
            loading={busy && !needsForm}
            onClick={() => (needsForm ? setOpen(true) : run())}
          >
            {action.label}
          </Button>
        )}
        <ErrorList errors={needsForm ? [] : errors} />
      </Space>
      <Modal title={action.label} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="确定" confirmLoading={busy} destroyOnHidden>
        <ErrorList errors={errors} />
        <Form form={form} layout="vertical" onFinish={run}>
          {action.mutation === 'projectGoLive' ? (
            <>
              <Form.Item label="上线日期" name="goLiveDate" rules={[{ required: true, message: '请选择上线日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label="试运行结束日期" name="trialEndDate">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item label="退回理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

interface Transition {
  id: string;
  actionLabel: string;
  article: string | null;
  fromStatus: string | null;
  toStatus: string;
  actorOrganization: { name: string } | null;
}

export default function ProjectPage({ code }: { code: string }) {
  const viewer = useViewer();
  const q = useQuery('Project', { code });
  // A step taken here changes the review and rectification cards too: they are read again with the page.
  const [steps, setSteps] = useState(0);
  const stepped = () => {
    q.reload();
    setSteps((n) => n + 1);
  };
  if (q.error) return <Failure error={q.error} />;
  if (!q.data) return <Loading />;
  const p = q.data.project;
  if (!p) return <Alert type="warning" showIcon message={`没有项目 ${code}，或无权查看`} />;
  // A unit acts only on the projects it builds (第十三条); other units see the steps, not the buttons.
  const builds = hasRole(viewer, 'PROJECT_UNIT') && p.viewerBuilds === true;
  const takes = (a: NextAction) => hasRole(viewer, a.role) && (a.role !== 'PROJECT_UNIT' || builds);
  const mine = (p.nextActions as NextAction[]).filter(takes);
  const others = (p.nextActions as NextAction[]).filter((a) => !takes(a));
  const editable = builds && ['DRAFT', 'REJECTED'].includes(p.status);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/projects">项目</Link> }, { title: p.code }]} />
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        <StatusTag type="ProjectStatus" value={p.status} />
        {editable ? <Link to={`/projects/${p.code}/edit`}>修改项目</Link> : null}
        {builds ? <Link to={`/resources/new?project=${p.id}`}>登记信息资源</Link> : null}
        {builds ? <Link to={`/projects/${p.code}/import`}>Excel 批量导入</Link> : null}
        {hasRole(viewer, 'PROJECT_UNIT') && !builds ? <Tag>非本单位承建，仅可查看（第十三条）</Tag> : null}
      </Space>
      <Card title="项目进度">
        <Lifecycle status={p.status} />
        {p.rejectionReason ? <Alert style={{ marginTop: 12 }} type="warning" showIcon message={`退回理由：${p.rejectionReason}`} /> : null}
      </Card>
      {mine.length || others.length ? (
        <Card title="下一步">
          <List
            dataSource={[...mine, ...others]}
            renderItem={(a) => (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    {mine.includes(a) ? <StepButton project={p} action={a} done={stepped} /> : <Tag>{a.label}</Tag>}
                    <span>
                      由{label('Role', a.role)}办理{a.article ? `（${a.article}）` : ''}
                    </span>
                    {a.missing.length ? <Tag color="orange">尚缺 {a.missing.length} 项</Tag> : <Tag color="green">条件已具备</Tag>}
                  </Space>
                  {a.missing.length ? (
                    <ul aria-label={`${a.label}尚缺`} style={{ margin: 0, paddingLeft: 20 }}>
                      {a.missing.map((e, i) => (
                        <li key={i}>{withArticle(e)}</li>
                      ))}
                    </ul>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Oversight code={p.code} changed={q.reload} refresh={`${steps}:${p.status}`} />
      {p.completeness ? (
        <Card title="信息资源共享完整性">
          <FigureCards figures={p.completeness as Figures} />
        </Card>
      ) : null}
      <Card title="基本信息">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label="项目编号">{p.code}</Descriptions.Item>
          <Descriptions.Item label="牵头单位">{p.leadUnit.name}</Descriptions.Item>
          <Descriptions.Item label="共建单位">{p.coBuildingUnits.map((u: { name: string }) => u.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="项目类别">{label('ProjectCategory', p.category)}</Descriptions.Item>
          <Descriptions.Item label="计划年度">{p.planYear}</Descriptions.Item>
          <Descriptions.Item label="总预算">{yuan(p.totalBudget)}</Descriptions.Item>
          <Descriptions.Item label="分年度预算">
            {p.budgetYears.map((b: { year: number; amount: string }) => `${b.year}年 ${yuan(b.amount)}`).join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="资金来源">{p.fundingSource ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="部署">{label('CloudDeployment', p.cloudDeployment)}</Descriptions.Item>
          <Descriptions.Item label="工程监理">{p.supervisionRequired ? '需要（第十八条）' : '不需要'}</Descriptions.Item>
          <Descriptions.Item label="申报时间">
            {when(p.declaredAt)}
            {p.lateDeclaration ? (
              <Tag color="red" style={{ marginLeft: 8 }}>
                逾期申报（第七条）
              </Tag>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label="上线 / 试运行结束">
            {day(p.goLiveDate)} / {day(p.trialEndDate)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={`信息资源（${p.resources.totalCount}）`}
        extra={p.resources.pageInfo.hasNextPage ? `仅列出前 ${p.resources.edges.length} 条，其余请在信息资源目录中按项目检索` : null}
      >
        <Table<ResourceRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={(p.resources.edges as { node: ResourceRow }[]).map((e) => e.node)}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '资源代码', dataIndex: 'code', render: (c: string, r) => <Link to={`/resources/${r.id}`}>{c}</Link> },
            { title: '名称', dataIndex: 'name' },
            { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag type="ResourceStatus" value={s} /> },
            { title: '共享类型', dataIndex: 'sharingType', render: (s: string) => label('SharingType', s) },
            { title: '信息项', key: 'items', render: (_: unknown, r) => r.dataItems.length },
            {
              title: '接口',
              key: 'ifs',
              render: (_: unknown, r) => `${r.interfaces.length}（已挂接 ${r.interfaces.filter((i) => i.mountStatus === 'MOUNTED').length}）`,
            },
          ]}
        />
      </Card>
      {p.completeness ? (
        <Card>
          <GapList filter={{ projectIds: [p.id] }} title="本项目缺口" />
        </Card>
      ) : null}
      <Card title="状态变更记录">
        <Table<Transition>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.history.edges.map((e: { node: Transition }) => e.node)}
          columns={[
            { title: '时间', dataIndex: 'at', render: when },
            { title: '操作', key: 'action', render: (_: unknown, t: Transition) => `${t.actionLabel}${t.article ? `（${t.article}）` : ''}` },
            { title: '由', dataIndex: 'fromStatus', render: (s: string | null) => label('ProjectStatus', s) },
            // A step that keeps the status (an edit, a co-building answer, a rectification report) says so.
            { title: '至', key: 'to', render: (_: unknown, t: Transition) => (t.toStatus === t.fromStatus ? '状态不变' : label('ProjectStatus', t.toStatus)) },
            { title: '角色', dataIndex: 'actorRole', render: (r: string) => label('Role', r) },
            // which unit took the step: of a co-building answer, the unit that answered (第十四条)
            { title: '单位', key: 'org', render: (_: unknown, t: Transition) => t.actorOrganization?.name ?? '—' },
            { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
