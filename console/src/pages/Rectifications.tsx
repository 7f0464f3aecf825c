/**
 * 整改跟踪 — the leading-group office's view of the open rectifications across the district
 * (第三十三条): those whose report is owed (ordered, or refused and owed again), by due date with
 * the days left coloured as on the deadlines page, overdue ones first; and those reported,
 * waiting for the office's decision. Each links to its project. The owed ones are filtered by the
 * API's `rectifications(filter:)`: status, the organisation building the project, overdue only.
 */
import { Checkbox, Col, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DaysLeft, FilterCol, PagedTable, useConnection, useQuery } from '../components/common';
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
  id: string;
  status: string;
  dueOn: string;
  daysLeft: number | null;
  overdue: boolean;
  project: (Project & { leadUnit: { id: string; name: string } }) | null;
}
interface Reported {
  key: string;
  since: string | null;
  project: (Project & { leadUnit: { name: string } }) | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const keyed = <N,>(c: any) => ({ ...c, edges: c.edges.map((e: { cursor: string; node: N }) => ({ ...e, node: { ...e.node, key: e.cursor } })) });
const projectLink = (p: Project | null) => (p ? <Link to={`/projects/${p.code}`}>{`${p.code} ${p.name}`}</Link> : '—');
const statusTag = (r: { status: string } | null | undefined) =>
  r ? <Tag color={r.status === 'REFUSED' ? 'red' : r.status === 'REPORTED' ? 'blue' : 'orange'}>{label('RectificationStatus', r.status)}</Tag> : '—';

/** The statuses whose report is owed (第三十三条): ordered, or refused and to be reported again. */
const OWED = ['ORDERED', 'REFUSED'];

export default function Rectifications() {
  const [status, setStatus] = useState<string | undefined>();
  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const orgs = useQuery<{ organizations: { edges: { node: { id: string; name: string } }[] } }>('Organizations', { first: 100 });
  const filter = { status: status ? [status] : OWED, organizationId, overdueOnly: overdueOnly || undefined };
  const owed = useConnection<Owed>('RectificationsOwed', { filter }, (d) => d.rectifications);
  const reported = useConnection<Reported>('RectificationsReported', {}, (d) => keyed<Reported>(d.todoItems));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        整改跟踪（第三十三条）
      </Typography.Title>
      <Row gutter={[12, 12]} role="search" aria-label="筛选待报告的整改">
        <FilterCol id="rect-status" title="状态" xs={24} sm={12} lg={6}>
          <Select
            id="rect-status"
            allowClear
            placeholder="全部待报告"
            value={status}
            onChange={setStatus}
            options={OWED.map((v) => ({ value: v, label: label('RectificationStatus', v) }))}
            style={{ width: '100%' }}
          />
        </FilterCol>
        <FilterCol id="rect-org" title="建设单位" xs={24} sm={12} lg={8}>
          <Select
            id="rect-org"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部单位"
            value={organizationId}
            onChange={setOrganizationId}
            options={orgs.data?.organizations.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []}
            style={{ width: '100%' }}
          />
        </FilterCol>
        <Col xs={24} sm={12} lg={6} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
            仅已逾期
          </Checkbox>
        </Col>
      </Row>
      <PagedTable<Owed>
        aria-label="待报告的整改"
        caption="待报告：已下达或被退回，按整改期限"
        paged={owed}
        columns={[
          { title: '整改期限', dataIndex: 'dueOn' },
          { title: '剩余', key: 'left', render: (_: unknown, r) => <DaysLeft days={r.daysLeft} overdue={r.overdue} /> },
          { title: '状态', key: 'status', render: (_: unknown, r) => statusTag(r) },
          { title: '项目', key: 'project', render: (_: unknown, r) => projectLink(r.project) },
          { title: '单位', key: 'org', render: (_: unknown, r) => r.project?.leadUnit.name ?? '—' },
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
          { title: '状态', key: 'status', render: (_: unknown, r) => statusTag(r.project?.rectification) },
          { title: '项目', key: 'project', render: (_: unknown, r) => projectLink(r.project) },
          { title: '单位', key: 'org', render: (_: unknown, r) => r.project?.leadUnit.name ?? '—' },
          { title: '整改原因', key: 'reason', render: (_: unknown, r) => r.project?.rectification?.reason ?? '—' },
        ]}
      />
    </Space>
  );
}
