/**
 * 整改跟踪 — the leading-group office's view of the open rectifications across the district
 * (第三十三条): those whose report is owed (ordered, or refused and owed again), by due date with
 * the days left coloured as on the deadlines page, overdue ones first; and those reported,
 * waiting for the office's decision. Each links to its project.
 */
import { Space, Tag, Typography } from 'antd';
import { DaysLeft, PagedTable, useConnection } from '../components/common';
import { label, when } from '../format';
import { Link } from '../router';

interface Rectification {
  id: string;
  status: string;
  reason: string;
  orderedAt?: string;
  dueOn?: string;
  reportedAt?: string | null;
}
interface Project {
  id: string;
  code: string;
  name: string;
  rectification: Rectification | null;
}
interface Owed {
  key: string;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
  organization: { name: string };
  project: Project | null;
}
interface Reported {
  key: string;
  since: string | null;
  organization: { name: string } | null;
  project: Project | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const keyed = <N,>(c: any) => ({ ...c, edges: c.edges.map((e: { cursor: string; node: N }) => ({ ...e, node: { ...e.node, key: e.cursor } })) });
const projectLink = (p: Project | null) => (p ? <Link to={`/projects/${p.code}`}>{`${p.code} ${p.name}`}</Link> : '—');
const status = (r: Rectification | null | undefined) =>
  r ? <Tag color={r.status === 'REFUSED' ? 'red' : r.status === 'REPORTED' ? 'blue' : 'orange'}>{label('RectificationStatus', r.status)}</Tag> : '—';

export default function Rectifications() {
  const owed = useConnection<Owed>('RectificationsOwed', {}, (d) => keyed<Owed>(d.deadlines));
  const reported = useConnection<Reported>('RectificationsReported', {}, (d) => keyed<Reported>(d.todoItems));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        整改跟踪（第三十三条）
      </Typography.Title>
      <PagedTable<Owed>
        aria-label="待报告的整改"
        caption="待报告：已下达或被退回，按整改期限"
        paged={owed}
        rowKey="key"
        columns={[
          { title: '整改期限', dataIndex: 'dueOn' },
          { title: '剩余', key: 'left', render: (_: unknown, r) => <DaysLeft days={r.daysLeft} overdue={r.overdue} /> },
          { title: '状态', key: 'status', render: (_: unknown, r) => status(r.project?.rectification) },
          { title: '项目', key: 'project', render: (_: unknown, r) => projectLink(r.project) },
          { title: '单位', key: 'org', render: (_: unknown, r) => r.organization.name },
          { title: '整改原因', key: 'reason', render: (_: unknown, r) => r.project?.rectification?.reason ?? '—' },
          { title: '下达时间', key: 'ordered', render: (_: unknown, r) => when(r.project?.rectification?.orderedAt) },
        ]}
      />
      <PagedTable<Reported>
        aria-label="待验收的整改"
        caption="已报告：待领导小组办公室验收"
        paged={reported}
        rowKey="key"
        columns={[
          { title: '报告时间', key: 'reported', render: (_: unknown, r) => when(r.project?.rectification?.reportedAt ?? r.since) },
          { title: '整改期限', key: 'due', render: (_: unknown, r) => r.project?.rectification?.dueOn ?? '—' },
          { title: '状态', key: 'status', render: (_: unknown, r) => status(r.project?.rectification) },
          { title: '项目', key: 'project', render: (_: unknown, r) => projectLink(r.project) },
          { title: '单位', key: 'org', render: (_: unknown, r) => r.organization?.name ?? '—' },
          { title: '整改原因', key: 'reason', render: (_: unknown, r) => r.project?.rectification?.reason ?? '—' },
        ]}
      />
    </Space>
  );
}
