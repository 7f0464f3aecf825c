import { Alert, Button, Card, Col, Descriptions, Drawer, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { SelectProps } from 'antd';
import { ReactElement, useState } from 'react';
import labels from 'virtual:hub-labels';
import { ApiError, argumentError, gql } from '../api';
import { PagedTable, useConnection } from '../components/common';
import { actionName, label, options, when } from '../format';
import { OBJECT_TYPES, objectTypeName } from '../object-types';
import { useRoute } from '../router';
import { hasRole, useViewer } from '../session';

interface Change {
  table: string;
  op: string;
  rowId: string | null;
  fields: { name: string; before: string | null; after: string | null }[];
}

interface Entry {
  id: string;
  seq: string;
  recordedAt: string;
  operation: string;
  outcome: string;
  actorId: string | null;
  actorName: string | null;
  roles?: string[];
  targetType?: string | null;
  targetId?: string | null;
  clientAddress?: string | null;
  detail?: string | null;
  changes: Change[];
}

interface Verification {
  ok: boolean;
  checked: number;
  firstSeq: string | null;
  lastSeq: string | null;
  firstBroken: { seq: string; kind: string; message: string; recordedAt: string | null } | null;
}

const TARGET_OPTIONS = Object.entries(OBJECT_TYPES).map(([value, text]) => ({ value, label: text }));
const targetName = objectTypeName;

/**
 * An object's history: by the object's own `auditHistory` where the API looks it up by id (with its
 * name), else by the log filtered to it (the same entries, by the same query of the hub's audit module).
 */
const HISTORY_OPERATION: Record<string, string> = {
  Project: 'ProjectAuditHistory',
  InformationResource: 'ResourceAuditHistory',
  Organization: 'OrganizationAuditHistory',
};
const HISTORY_BY_LOG = ['SharingInterface', 'SharingRequest', 'AcceptanceApplication', 'User'];
const hasHistory = (type: string) => type in HISTORY_OPERATION || HISTORY_BY_LOG.includes(type);
type Named = { name: string; auditHistory: never };

const OPS: Record<string, string> = { INSERT: '新增', UPDATE: '修改', DELETE: '删除' };

/** The operations to filter by: every mutation by its Chinese name (the English one beside it), and the log's own events. */
const OPERATIONS = [...Object.keys(labels.Mutation ?? {}), 'signIn']
  .map((op) => ({ value: op, label: actionName(op) === op ? op : `${actionName(op)}（${op}）` }))
  .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));

/** The filter's fields by the API's names, for an error the API gives of one (filter.targetId, filter.to …). */
const FILTER_FIELD: Record<string, keyof Filter> = { from: 'fromDay', to: 'toDay' };

/** A Beijing calendar day as the instant it starts (the filter's `from`, inclusive) or the next one (`to`, exclusive). */
function dayStart(day: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00+08:00`);
  if (next) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

function Changes({ changes }: { changes: Change[] }) {
  if (!changes.length) return <Typography.Text type="secondary">未改动数据行</Typography.Text>;
  // As wide as the content area, never wider: the log's table scrolls sideways, its detail does not.
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 'calc(100vw - 300px)' }}>
      {changes.map((c, i) => (
        <Table
          key={i}
          size="small"
          rowKey="name"
          pagination={false}
          title={() => (
            <span>
              <Tag>{OPS[c.op] ?? c.op}</Tag>表 {c.table}
              {c.rowId ? `（行 ${c.rowId}）` : ''}
            </span>
          )}
          dataSource={c.fields}
          columns={[
            { title: '字段', dataIndex: 'name', width: 200 },
            { title: '修改前', dataIndex: 'before', render: (v: string | null) => <code style={{ wordBreak: 'break-all' }}>{v ?? '—'}</code> },
            { title: '修改后', dataIndex: 'after', render: (v: string | null) => <code style={{ wordBreak: 'break-all' }}>{v ?? '—'}</code> },
          ]}
        />
      ))}
    </Space>
  );
}

/** An object's history (`auditHistory`), paged, in a drawer. */
function History({ type, id, onClose }: { type: string; id: string; onClose: () => void }) {
  const operation = HISTORY_OPERATION[type] ?? 'AuditEntries';
  const paged = useConnection<Entry, { project?: Named; resource?: Named; organization?: Named; auditEntries?: never }>(
    operation,
    operation === 'AuditEntries' ? { filter: { targetType: type, targetId: id } } : { id },
    (d) =>
      d.auditEntries ??
      (d.project ?? d.resource ?? d.organization)?.auditHistory ?? { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
    10,
  );
  const name = (paged.data?.project ?? paged.data?.resource ?? paged.data?.organization)?.name;
  return (
    <Drawer open width={880} onClose={onClose} title={`${targetName(type)}的审计历史${name ? `：${name}` : ''}`}>
      <PagedTable<Entry>
        paged={paged}
        aria-label="对象审计历史"
        expandable={{ expandedRowRender: (e) => <Changes changes={e.changes} /> }}
        columns={[
          { title: '序号', dataIndex: 'seq' },
          { title: '记录时间', dataIndex: 'recordedAt', render: when },
          { title: '操作', dataIndex: 'operation', render: (op: string) => `${actionName(op)}${actionName(op) === op ? '' : `（${op}）`}` },
          { title: '操作人', render: (_: unknown, e: Entry) => e.actorName ?? e.actorId ?? '—' },
        ]}
      />
    </Drawer>
  );
}

interface Filter {
  actor?: string;
  targetType?: string;
  targetId?: string;
  operation?: string;
  outcome?: string;
  fromDay?: string;
  toDay?: string;
}

/** The audit log (第三十四条): filterable, paged by its connection, each object's history, and the chain's verification. */
export default function AuditLog() {
  const { search } = useRoute();
  const viewer = useViewer();
  const [draft, setDraft] = useState<Filter>({ targetType: search.get('targetType') ?? undefined, targetId: search.get('targetId') ?? undefined });
  const [filter, setFilter] = useState<Filter>(draft);
  const [history, setHistory] = useState<{ type: string; id: string } | null>(null);
  const [verification, setVerification] = useState<{ result?: Verification; error?: unknown; running?: boolean }>({});

  const apiFilter = {
    actor: filter.actor || undefined,
    targetType: filter.targetType || undefined,
    targetId: filter.targetId || undefined,
    operation: filter.operation || undefined,
    outcome: filter.outcome || undefined,
    from: filter.fromDay ? dayStart(filter.fromDay) : undefined,
    to: filter.toDay ? dayStart(filter.toDay, true) : undefined,
  };
  const paged = useConnection<Entry>('AuditEntries', { filter: apiFilter }, (d) => d.auditEntries);
  const refused = argumentError(paged.error, 'filter');
  const refusedField = refused ? (FILTER_FIELD[refused.field] ?? (refused.field as keyof Filter)) : null;
  const set = (key: keyof Filter) => (value: string | undefined) => setDraft((f) => ({ ...f, [key]: value?.trim() || undefined }));
  const apply = (next: Filter = draft) => {
    setDraft(next);
    setFilter(next);
  };

  const verify = () => {
    setVerification({ running: true });
    gql<{ auditVerify: Verification }>('AuditVerify', { from: apiFilter.from, to: apiFilter.to }).then(
      (d) => setVerification({ result: d.auditVerify }),
      (error) => setVerification({ error }),
    );
  };

  const field = (key: keyof Filter, title: string, control: ReactElement) => (
    <Col xs={24} sm={12} lg={8} xl={6} key={key}>
      <Form.Item
        label={title}
        htmlFor={`audit-${key}`}
        style={{ marginBottom: 0 }}
        validateStatus={refusedField === key ? 'error' : undefined}
        help={refusedField === key ? refused!.message : undefined}
      >
        {control}
      </Form.Item>
    </Col>
  );
  const text = (key: keyof Filter, title: string, placeholder: string) =>
    field(
      key,
      title,
      <Input
        id={`audit-${key}`}
        allowClear
        placeholder={placeholder}
        value={draft[key] ?? ''}
        onChange={(e) => set(key)(e.target.value)}
        onPressEnter={() => apply()}
      />,
    );
  /** A select of the filter, every value or one of `choices`. */
  const choice = (key: keyof Filter, title: string, choices: { value: string; label: string }[], extra: SelectProps = {}) =>
    field(
      key,
      title,
      <Select
        id={`audit-${key}`}
        allowClear
        placeholder="全部"
        {...extra}
        value={draft[key]}
        onChange={set(key)}
        options={choices}
        style={{ width: '100%' }}
      />,
    );
  const v = verification.result;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        审计日志
      </Typography.Title>
      {hasRole(viewer, 'AUDITOR') ? (
        <Card title="审计链校验（SM3 哈希链，第三十四条）" size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Button type="primary" onClick={verify} loading={verification.running}>
                校验审计链
              </Button>
              <Typography.Text type="secondary">{apiFilter.from || apiFilter.to ? '按下方日期范围校验' : '校验全部记录'}</Typography.Text>
            </Space>
            {verification.error ? (
              <Alert type="error" showIcon role="alert" message={verification.error instanceof ApiError ? verification.error.message : '校验失败'} />
            ) : null}
            {v ? (
              <div role="status" aria-label="审计链校验结果">
                <Alert
                  type={v.ok ? 'success' : 'error'}
                  showIcon
                  message={v.ok ? `审计链完整：已校验 ${v.checked} 条` : `审计链断裂：已校验 ${v.checked} 条`}
                  description={
                    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                      <Descriptions.Item label="首条序号">{v.firstSeq ?? '—'}</Descriptions.Item>
                      <Descriptions.Item label="末条序号">{v.lastSeq ?? '—'}</Descriptions.Item>
                      {v.firstBroken ? (
                        <>
                          <Descriptions.Item label="断点序号">{v.firstBroken.seq}</Descriptions.Item>
                          <Descriptions.Item label="断裂类型">{label('AuditBreakKind', v.firstBroken.kind)}</Descriptions.Item>
                          <Descriptions.Item label="断点时间">{when(v.firstBroken.recordedAt)}</Descriptions.Item>
                          <Descriptions.Item label="说明">{v.firstBroken.message}</Descriptions.Item>
                        </>
                      ) : null}
                    </Descriptions>
                  }
                />
              </div>
            ) : null}
          </Space>
        </Card>
      ) : null}
      <Card size="small">
        <Form layout="vertical" component="div">
          <Row gutter={[12, 12]}>
            {text('actor', '操作人ID', '用户或服务账号ID')}
            {choice('targetType', '对象类型', TARGET_OPTIONS, { showSearch: true, optionFilterProp: 'label', placeholder: '全部（可输入名称查找）' })}
            {text('targetId', '对象ID', '如项目或资源的ID')}
            {choice('operation', '操作', OPERATIONS, { showSearch: true, optionFilterProp: 'label', placeholder: '全部（可输入中文或英文名查找）' })}
            {choice('outcome', '结果', options('AuditOutcome'))}
            {field(
              'fromDay',
              '起始日期（北京时间，含）',
              <Input id="audit-fromDay" type="date" value={draft.fromDay ?? ''} onChange={(e) => set('fromDay')(e.target.value)} />,
            )}
            {field(
              'toDay',
              '截止日期（北京时间，含）',
              <Input id="audit-toDay" type="date" value={draft.toDay ?? ''} onChange={(e) => set('toDay')(e.target.value)} />,
            )}
            <Col xs={24} sm={12} lg={8} xl={6} style={{ display: 'flex', alignItems: 'flex-end', gap: 8 }}>
              <Button type="primary" onClick={() => apply()}>
                查询
              </Button>
              <Button onClick={() => apply({})}>重置</Button>
            </Col>
          </Row>
        </Form>
      </Card>
      <PagedTable<Entry>
        paged={paged}
        errorShownBeside={refusedField !== null}
        aria-label="审计记录"
        expandable={{
          expandedRowRender: (e) => (
            <Space direction="vertical" style={{ width: '100%', maxWidth: 'calc(100vw - 300px)' }}>
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label="角色">{e.roles?.map((r) => label('Role', r)).join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label="客户端地址">{e.clientAddress ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="附加信息">{e.detail ?? '—'}</Descriptions.Item>
              </Descriptions>
              <Changes changes={e.changes} />
            </Space>
          ),
        }}
        columns={[
          { title: '序号', dataIndex: 'seq' },
          { title: '记录时间', dataIndex: 'recordedAt', render: when },
          {
            title: '操作',
            dataIndex: 'operation',
            render: (op: string) => (
              <span>
                {actionName(op)}
                {actionName(op) === op ? null : <Typography.Text type="secondary">（{op}）</Typography.Text>}
              </span>
            ),
          },
          { title: '结果', dataIndex: 'outcome', render: (o: string) => <Tag color={o === 'SUCCESS' ? 'green' : 'red'}>{label('AuditOutcome', o)}</Tag> },
          {
            title: '操作人',
            render: (_: unknown, e: Entry) =>
              e.actorId ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  aria-label={`只看 ${e.actorName ?? e.actorId} 的操作`}
                  onClick={() => apply({ ...draft, actor: e.actorId! })}
                >
                  {e.actorName ?? e.actorId}
                </Button>
              ) : (
                (e.actorName ?? '—')
              ),
          },
          { title: '对象', render: (_: unknown, e: Entry) => (e.targetType ? `${targetName(e.targetType)} ${e.targetId ?? ''}` : '—') },
          {
            title: '对象历史',
            render: (_: unknown, e: Entry) =>
              e.targetType && e.targetId && hasHistory(e.targetType) ? (
                <Button size="small" aria-label={`审计历史 ${e.seq}`} onClick={() => setHistory({ type: e.targetType!, id: e.targetId! })}>
                  查看历史
                </Button>
              ) : null,
          },
        ]}
      />
      {history ? <History type={history.type} id={history.id} onClose={() => setHistory(null)} /> : null}
    </Space>
  );
}
