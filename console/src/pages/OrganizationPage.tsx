import { Breadcrumb, Typography } from 'antd';
import { PagedTable, StatusTag, useConnection } from '../components/common';
import { FIGURES, Figures } from '../figures';
import { percent } from '../format';
import { Link } from '../router';

interface Row {
  id: string;
  code: string;
  name: string;
  status: string;
  planYear: number;
  completeness: Figures | null;
}

/** One organisation's projects with their figures: the drill-down from the dashboard. */
export default function OrganizationPage({ id }: { id: string }) {
  let orgName = '';
  const paged = useConnection<Row>('OrganizationProjects', { organizationId: id }, (d) => {
    orgName = d.organization?.name ?? '';
    return d.projects;
  });
  orgName = (paged.data as { organization?: { name: string } } | undefined)?.organization?.name ?? orgName;
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/dashboard">完整性看板</Link> }, { title: orgName || '单位' }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {orgName}：项目完整性
      </Typography.Title>
      <PagedTable<Row>
        paged={paged}
        columns={[
          { title: '项目编号', dataIndex: 'code', render: (c: string) => <Link to={`/projects/${c}`}>{c}</Link> },
          { title: '项目名称', dataIndex: 'name' },
          { title: '年度', dataIndex: 'planYear' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag type="ProjectStatus" value={s} /> },
          ...FIGURES.map((f) => ({
            title: f.name,
            key: f.key,
            sorter: (a: Row, b: Row) => (a.completeness?.[f.key].ratio ?? -1) - (b.completeness?.[f.key].ratio ?? -1),
            render: (_: unknown, r: Row) => {
              const x = r.completeness?.[f.key];
              return x ? `${percent(x.ratio)}（${x.numerator}/${x.denominator}）` : '—';
            },
          })),
        ]}
      />
    </>
  );
}
