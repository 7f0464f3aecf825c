import { Checkbox, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Clipped, DaysLeft, PagedTable, useConnection } from '../components/common';
import { label, options } from '../format';
import { Link } from '../router';

interface Row {
  key: string;
  kind: string;
  rule: string;
  article: string | null;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
  organization: { name: string };
  project: { code: string; name: string } | null;
  sharingRequest: { id: string; resource: { name: string } } | null;
}

export default function Deadlines() {
  const [kind, setKind] = useState<string | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const paged = useConnection<Row>('Deadlines', { filter: { kind, overdueOnly } }, (d) => ({
    ...d.deadlines,
    edges: d.deadlines.edges.map((e: { cursor: string; node: Row }) => ({ ...e, node: { ...e.node, key: e.cursor } })),
  }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        期限（按到期日）
      </Typography.Title>
      <Space wrap>
        <label htmlFor="deadline-kind">类型</label>
        <Select id="deadline-kind" allowClear placeholder="全部类型" value={kind} onChange={setKind} options={options('DeadlineKind')} style={{ width: 240 }} />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          只看已逾期
        </Checkbox>
      </Space>
      <PagedTable<Row>
        paged={paged}
        rowKey="key"
        columns={[
          { title: '到期日', dataIndex: 'dueOn', width: 100 },
          { title: '剩余', key: 'left', width: 100, render: (_: unknown, r) => <DaysLeft days={r.daysLeft} overdue={r.overdue} /> },
          { title: '类型', dataIndex: 'kind', width: 130, render: (k: string) => label('DeadlineKind', k) },
          { title: '要求', key: 'rule', render: (_: unknown, r) => <Clipped text={`${r.rule}${r.article ? `（${r.article}）` : ''}`} width={240} /> },
          { title: '单位', key: 'org', render: (_: unknown, r) => <Clipped text={r.organization.name} width={150} /> },
          {
            title: '事项',
            key: 'what',
            render: (_: unknown, r) =>
              r.project ? (
                <Clipped text={r.project.name} width={180}>
                  <Link to={`/projects/${r.project.code}`}>{r.project.name}</Link>
                </Clipped>
              ) : r.sharingRequest ? (
                <Clipped text={`共享申请：${r.sharingRequest.resource.name}`} width={180}>
                  <Link to="/requests">共享申请：{r.sharingRequest.resource.name}</Link>
                </Clipped>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}
