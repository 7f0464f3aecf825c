import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { gql, UserError } from '../api';
import { Failure, Loading, StatusTag, useQuery } from '../components/common';
import { applyUserErrors, ErrorList } from '../components/errors';
import { InterfaceForm } from '../components/InterfaceForm';
import { recordOf, ResourceDiff } from '../components/ResourceDiff';
import { ReviewActions } from '../components/ReviewActions';
import { day, label, when } from '../format';
import { Link, useRoute } from '../router';
import { hasRole, useViewer } from '../session';

interface Run {
  id: string;
  ranAt: string;
  mode: string;
  outcome: string;
  records: number;
  failureReason: string | null;
}
interface Iface {
  id: string;
  kind: string;
  endpoint: string;
  syncFrequency: string;
  mountStatus: string;
  platformId: string | null;
  mountedAt: string | null;
  withdrawReason: string | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  runs: { totalCount: number; edges: { node: Run }[] };
}
interface Version {
  id: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  publishedByName: string | null;
  snapshot: Record<string, unknown>;
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** The fields two published versions differ in, by their Chinese names, and each data item added, removed or changed. */
function VersionDiff({ versions }: { versions: Version[] }) {
  const [a, setA] = useState(versions.length > 1 ? versions[versions.length - 2].version : versions[0]?.version);
  const [b, setB] = useState(versions[versions.length - 1]?.version);
  const va = versions.find((v) => v.version === a);
  const vb = versions.find((v) => v.version === b);
  const opts = versions.map((v) => ({ value: v.version, label: `第 ${v.version} 版（${when(v.publishedAt)}）` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="diff-a">比较</label>
        <Select id="diff-a" value={a} onChange={setA} options={opts} style={{ width: 260 }} />
        <label htmlFor="diff-b">与</label>
        <Select id="diff-b" value={b} onChange={setB} options={opts} style={{ width: 260 }} />
      </Space>
      <ResourceDiff
        label="版本差异"
        before={recordOf(va?.snapshot ?? {})}
        after={recordOf(vb?.snapshot ?? {})}
        beforeTitle={`第 ${a} 版`}
        afterTitle={`第 ${b} 版`}
      />
    </Space>
  );
}

/** 第十七条: the bureau records the interface's id on the city exchange platform, asked in a dialog and checked as the API checks it. */
function Mount({ iface, done }: { iface: Iface; done: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [form] = Form.useForm();
  const mount = async ({ platformId }: { platformId: string }) => {
    setBusy(true);
    try {
      const { interfaceMount: p } = await gql('InterfaceMount', { input: { interfaceId: iface.id, platformId: platformId.trim() } });
      if (p.userErrors.length) setErrors(applyUserErrors(form, p.userErrors, [['platformId']]));
      else {
        setOpen(false);
        message.success(`已挂接到市共享交换平台（${platformId.trim()}）`);
        done();
      }
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        登记挂接
      </Button>
      <Modal
        title="登记挂接到市共享交换平台（第十七条）"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="确认挂接"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
      >
        <p>
          接口：{label('InterfaceKind', iface.kind)} {iface.endpoint}
        </p>
        <ErrorList errors={errors} />
        <Form form={form} layout="vertical" onFinish={mount}>
          <Form.Item
            label="市平台接口编号"
            name="platformId"
            extra="市共享交换平台上该接口的编号，如 SQ-GX-1002"
            rules={[
              { required: true, whitespace: true, message: '平台挂接编号不能为空' },
              { max: 100, message: '平台挂接编号不能超过100个字符' },
            ]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 第五条: 提交审核 — a draft or returned entry, or the revision of a published one (the API tells which). */
function Submit({ id, success, refused, done }: { id: string; success: string; refused: (errors: UserError[]) => void; done: () => void }) {
  const { message } = App.useApp();
  const submit = async () => {
    const { resourceSubmit: p } = await gql('ResourceSubmit', { input: { id } });
    refused(p.userErrors);
    if (!p.userErrors.length) {
      message.success(success);
      done();
    }
  };
  return (
    <Button type="primary" onClick={() => submit().catch((e) => message.error(e.message))}>
      提交审核
    </Button>
  );
}

interface Revision {
  version: number;
  status: string;
  returnReason: string | null;
  updatedAt: string;
  entry: Record<string, unknown>;
}

/**
 * 第五条: the revision of a published entry beside the published version — its status, what it
 * changes — with the unit's 提交审核 / 撤回修订 and the bureau's 发布 / 退回.
 */
function RevisionCard({
  r,
  revision,
  unit,
  bureau,
  done,
}: {
  r: { id: string; code: string; name: string; version: number };
  revision: Revision;
  unit: boolean;
  bureau: boolean;
  done: () => void;
}) {
  const { message, modal } = App.useApp();
  const { go } = useRoute();
  const [errors, setErrors] = useState<UserError[]>([]);
  const withdraw = () =>
    modal.confirm({
      title: '撤回修订？',
      content: '撤回后修订中的修改全部丢弃，已发布版本不变。',
      okText: '撤回修订',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const { resourceRevisionWithdraw: p } = await gql('ResourceRevisionWithdraw', { input: { id: r.id } });
        if (p.userErrors.length) return void setErrors(p.userErrors);
        message.success('已撤回修订');
        done();
      },
    });
  const open = ['DRAFT', 'RETURNED'].includes(revision.status);
  return (
    <Card
      id="revision"
      title={
        <Space>
          <span>待发布的修订：第 {revision.version} 版</span>
          <StatusTag type="RevisionStatus" value={revision.status} />
        </Space>
      }
      extra={<small>最近修改 {when(revision.updatedAt)}</small>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">发布前读者仍见已发布的第 {r.version} 版（第五条）。</Typography.Text>
        {revision.returnReason && revision.status === 'RETURNED' ? <Alert type="warning" showIcon message={`退回理由：${revision.returnReason}`} /> : null}
        <Space wrap>
          {unit && open ? <Button onClick={() => go(`/resources/${r.id}/edit`)}>修改修订</Button> : null}
          {unit && open ? <Submit id={r.id} success="修订已提交大数据管理局审核" refused={setErrors} done={done} /> : null}
          {unit ? (
            <Button danger onClick={withdraw}>
              撤回修订
            </Button>
          ) : null}
          {bureau && revision.status === 'SUBMITTED' ? <ReviewActions resource={r} done={done} /> : null}
        </Space>
        <ErrorList errors={errors} />
        <ResourceDiff
          label="修订差异"
          before={recordOf(r)}
          after={recordOf(revision.entry)}
          beforeTitle={`已发布（第 ${r.version} 版）`}
          afterTitle={`修订后（第 ${revision.version} 版）`}
        />
      </Space>
    </Card>
  );
}

export default function ResourcePage({ id }: { id: string }) {
  const viewer = useViewer();
  const { go } = useRoute();
  const q = useQuery('Resource', { id });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [adding, setAdding] = useState(false);
  if (q.error) return <Failure error={q.error} />;
  if (!q.data) return <Loading />;
  const r = q.data.resource;
  if (!r) return <Alert type="warning" showIcon message="没有这条信息资源，或无权查看" />;
  // A unit changes only the entries of the projects it builds (第十三条); another unit reads them.
  const unit = hasRole(viewer, 'PROJECT_UNIT') && r.project?.viewerBuilds === true;
  const bureau = hasRole(viewer, 'BIG_DATA_BUREAU');
  const versions: Version[] = r.versions.edges.map((e: { node: Version }) => e.node);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/catalogue">资源目录</Link> }, { title: r.code }]} />
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {r.name}
        </Typography.Title>
        <StatusTag type="ResourceStatus" value={r.status} />
        <span>第 {r.version} 版</span>
      </Space>
      {r.returnReason && r.status === 'RETURNED' ? <Alert type="warning" showIcon message={`退回理由：${r.returnReason}`} /> : null}
      <Space wrap>
        {unit && ['DRAFT', 'RETURNED', 'PUBLISHED'].includes(r.status) ? <Button onClick={() => go(`/resources/${r.id}/edit`)}>修改</Button> : null}
        {unit && ['DRAFT', 'RETURNED'].includes(r.status) ? <Submit id={r.id} success="已提交大数据管理局审核" refused={setErrors} done={q.reload} /> : null}
        {bureau && r.status === 'SUBMITTED' ? <ReviewActions resource={r} done={q.reload} /> : null}
      </Space>
      <ErrorList errors={errors} />
      {r.status === 'PUBLISHED' && r.revision ? <RevisionCard r={r} revision={r.revision} unit={unit} bureau={bureau} done={q.reload} /> : null}
      <Card title="元数据">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="资源代码">{r.code}</Descriptions.Item>
          <Descriptions.Item label="分类代码">{r.classificationCode}</Descriptions.Item>
          <Descriptions.Item label="目录类型">{label('CatalogueKind', r.catalogueKind)}</Descriptions.Item>
          <Descriptions.Item label="提供单位">{r.provider.name}</Descriptions.Item>
          <Descriptions.Item label="所属项目">{r.project ? <Link to={`/projects/${r.project.code}`}>{r.project.name}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="格式">
            {label('ResourceFormat', r.format)}
            {r.subFormat ? ` / ${r.subFormat}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="共享类型">{label('SharingType', r.sharingType)}</Descriptions.Item>
          <Descriptions.Item label="共享条件">{r.sharingCondition ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="不予共享依据">{r.legalBasis ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="共享方式">{label('SharingMethod', r.sharingMethod)}</Descriptions.Item>
          <Descriptions.Item label="开放类型">{label('OpenType', r.openType)}</Descriptions.Item>
          <Descriptions.Item label="开放条件">{r.openCondition ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="更新周期">{label('UpdateFrequency', r.updateFrequency)}</Descriptions.Item>
          <Descriptions.Item label="数据分级">{label('DataGrade', r.dataGrade)}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{day(r.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label="最近归集">{when(r.lastAggregatedAt)}</Descriptions.Item>
          <Descriptions.Item label="关联资源">{r.relatedResourceCodes.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="摘要" span={3}>
            {r.summary || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`信息项（${r.dataItems.length}）`}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={r.dataItems}
          columns={[
            { title: '序号', dataIndex: 'position', width: 80 },
            { title: '信息项名称', dataIndex: 'name' },
            { title: '数据类型', dataIndex: 'dataType', render: (t: string) => label('DataItemType', t) },
            { title: '长度', dataIndex: 'length', render: show },
          ]}
        />
      </Card>
      <Card
        title={`共享接口（${r.interfaces.length}）`}
        extra={unit && r.status !== 'RETIRED' ? <Button onClick={() => setAdding(true)}>登记接口</Button> : null}
      >
        {adding ? (
          <InterfaceForm
            resourceId={r.id}
            onDone={() => {
              setAdding(false);
              q.reload();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : null}
        <Table<Iface>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={r.interfaces}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (i) => (
              <Table<Run>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={i.runs.edges.map((e) => e.node)}
                title={() => `最近归集记录（共 ${i.runs.totalCount} 次）`}
                locale={{ emptyText: '尚无归集记录' }}
                columns={[
                  { title: '时间', dataIndex: 'ranAt', render: when },
                  { title: '方式', dataIndex: 'mode', render: (m: string) => label('AggregationMode', m) },
                  { title: '结果', dataIndex: 'outcome', render: (o: string) => <StatusTag type="AggregationOutcome" value={o} /> },
                  { title: '记录数', dataIndex: 'records' },
                  { title: '失败原因', dataIndex: 'failureReason', render: show },
                ]}
              />
            ),
          }}
          columns={[
            { title: '类型', dataIndex: 'kind', render: (k: string) => label('InterfaceKind', k) },
            { title: '地址', dataIndex: 'endpoint' },
            { title: '同步频率', dataIndex: 'syncFrequency', render: (f: string) => label('UpdateFrequency', f) },
            {
              title: '挂接状态',
              key: 'mount',
              render: (_: unknown, i) => (
                <Space direction="vertical" size={0}>
                  <StatusTag type="MountStatus" value={i.mountStatus} />
                  {i.mountedAt ? <small>{when(i.mountedAt)}</small> : null}
                  {bureau && i.mountStatus !== 'MOUNTED' ? <Mount iface={i} done={q.reload} /> : null}
                </Space>
              ),
            },
            { title: '最近成功归集', dataIndex: 'lastSuccessAt', render: when },
            { title: '最近运行', dataIndex: 'lastRunAt', render: when },
          ]}
        />
      </Card>
      <Card title={`发布版本（${r.versions.totalCount}）`}>
        <Table<Version>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={versions}
          locale={{ emptyText: '尚未发布' }}
          columns={[
            { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
            { title: '发布时间', dataIndex: 'publishedAt', render: when },
            {
              title: '发布人',
              dataIndex: 'publishedByName',
              // By name; a publisher that is no account (the demo data's own caller) by no id either.
              render: (name: string | null, v) => name ?? <span title={v.publishedBy}>—</span>,
            },
          ]}
        />
        {versions.length > 1 ? (
          <div style={{ marginTop: 16 }}>
            <VersionDiff versions={versions} />
          </div>
        ) : null}
      </Card>
    </Space>
  );
}
