import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Clipped, DaysLeft, PagedTable, useConnection } from '../components/common';
import { label, when } from '../format';
import { Link } from '../router';

interface Row {
  key: string;
  kind: string;
  rule: string;
  article: string | null;
  dueOn: string | null;
  daysLeft: number | null;
  overdue: boolean;
  since: string | null;
  organization: { name: string } | null;
  project: { code: string; name: string } | null;
  resource: { id: string; code: string; name: string } | null;
  sharingRequest: { id: string } | null;
  interface: { id: string; endpoint: string; resource: { id: string; name: string } } | null;
  acceptanceApplication: { id: string; project: { code: string } } | null;
}

/** Where a to-do is done. */
function What({ r }: { r: Row }) {
  if (r.acceptanceApplication) return <Link to={`/acceptance/${r.acceptanceApplication.project.code}`}>验收申请 {r.acceptanceApplication.project.code}</Link>;
  if (r.sharingRequest) return <Link to="/requests">共享申请{r.resource ? `：${r.resource.name}` : ''}</Link>;
  if (r.interface) return <Link to={`/resources/${r.interface.resource.id}`}>接口：{r.interface.resource.name}</Link>;
  if (r.resource) return <Link to={`/resources/${r.resource.id}`}>{`${r.resource.code} ${r.resource.name}`}</Link>;
  // 第十四条: a co-building proposal is answered on the projects page, where the unit's proposals wait.
  if (r.kind === 'CO_BUILDING_ANSWER') return <Link to="/projects">共建提议{r.project ? `：${r.project.name}` : ''}</Link>;
  if (r.project) return <Link to={`/projects/${r.project.code}`}>{r.project.name}</Link>;
  return <>—</>;
}

/** The text of What, for its tooltip. */
function whatText(r: Row): string {
  if (r.acceptanceApplication) return `验收申请 ${r.acceptanceApplication.project.code}`;
  if (r.sharingRequest) return `共享申请${r.resource ? `：${r.resource.name}` : ''}`;
  if (r.interface) return `接口：${r.interface.resource.name}`;
  if (r.resource) return `${r.resource.code} ${r.resource.name}`;
  if (r.kind === 'CO_BUILDING_ANSWER') return `共建提议${r.project ? `：${r.project.name}` : ''}`;
  return r.project?.name ?? '—';
}

/** The caller's to-dos (待办), by due date, with the count of each kind. */
export default function Todos() {
  const [kind, setKind] = useState<string | undefined>();
  const paged = useConnection<Row>('Todos', { filter: { kind } }, (d) => ({
    ...d.todoItems,
    edges: d.todoItems.edges.map((e: { cursor: string; node: Row }) => ({ ...e, node: { ...e.node, key: e.cursor } })),
  }));
  const counts = (paged.data as { todoItems?: { countsByKind: { kind: string; count: number }[] } } | undefined)?.todoItems?.countsByKind ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        我的待办
      </Typography.Title>
      <Space>
        <label htmlFor="todo-kind">类别</label>
        <Select
          id="todo-kind"
          allowClear
          placeholder="全部类别"
          value={kind}
          onChange={setKind}
          style={{ width: 280 }}
          options={counts.map((c) => ({ value: c.kind, label: `${label('TodoKind', c.kind)}（${c.count}）` }))}
        />
      </Space>
      <PagedTable<Row>
        paged={paged}
        rowKey="key"
        columns={[
          { title: '类别', dataIndex: 'kind', render: (k: string) => label('TodoKind', k) },
          {
            title: '事项',
            key: 'what',
            render: (_: unknown, r) => (
              <Clipped text={whatText(r)} width={200}>
                <What r={r} />
              </Clipped>
            ),
          },
          { title: '要求', key: 'rule', render: (_: unknown, r) => <Clipped text={`${r.rule}${r.article ? `（${r.article}）` : ''}`} width={240} /> },
          { title: '到期日', dataIndex: 'dueOn', width: 100, render: (d: string | null) => d ?? '—' },
          { title: '剩余', key: 'left', width: 100, render: (_: unknown, r) => (r.dueOn ? <DaysLeft days={r.daysLeft} overdue={r.overdue} /> : '—') },
          { title: '起始', dataIndex: 'since', width: 140, render: when },
        ]}
      />
    </Space>
  );
}
