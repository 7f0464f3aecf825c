import { Select, Space } from 'antd';
import { useState } from 'react';
import { label, options } from '../format';
import { Link } from '../router';
import { Clipped, PagedTable, StatusTag, useConnection } from './common';

interface Gap {
  reason: string;
  detail: string | null;
  resource: { id: string; code: string; name: string; status: string; provider: { name: string }; project: { code: string; name: string } | null };
}

/** The completeness report (`GET /completeness/report.xlsx`) of the same scope as the list's filter. */
function reportHref(filter: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const key of ['organizationId', 'planYear', 'status']) if (filter[key] !== undefined && filter[key] !== null) params.set(key, String(filter[key]));
  if (Array.isArray(filter.projectIds) && filter.projectIds.length) params.set('projectIds', filter.projectIds.join(','));
  const query = params.toString();
  return `/completeness/report.xlsx${query ? `?${query}` : ''}`;
}

/** The gaps behind the figures, filtered by reason, paged by the API, and the report to download. */
export function GapList({ filter, title = '缺口清单' }: { filter: Record<string, unknown>; title?: string }) {
  const [reasons, setReasons] = useState<string[]>([]);
  const paged = useConnection<Gap>('Gaps', { filter, reasons: reasons.length ? reasons : null }, (d) => ({
    ...d.completeness.gaps,
    edges: d.completeness.gaps.edges.map((e: { cursor: string; node: Gap }) => ({ ...e, node: { ...e.node, key: `${e.node.resource.id}:${e.node.reason}` } })),
  }));
  return (
    <PagedTable<Gap>
      paged={paged}
      rowKey="key"
      caption={
        <Space wrap>
          <strong>{title}</strong>
          <label htmlFor="gap-reasons">缺口原因</label>
          <Select
            id="gap-reasons"
            aria-label="缺口原因"
            mode="multiple"
            allowClear
            placeholder="全部原因"
            value={reasons}
            onChange={setReasons}
            options={options('GapReason')}
            style={{ minWidth: 320 }}
            maxTagCount="responsive"
          />
          <a href={reportHref(filter)} download>
            导出完整性报告（Excel，含全部缺口）
          </a>
        </Space>
      }
      columns={[
        { title: '资源代码', key: 'code', render: (_: unknown, g) => <Link to={`/resources/${g.resource.id}`}>{g.resource.code}</Link> },
        { title: '资源名称', key: 'name', render: (_: unknown, g) => <Clipped text={g.resource.name} width={130} /> },
        { title: '缺口原因', dataIndex: 'reason', render: (r: string) => label('GapReason', r) },
        { title: '说明', dataIndex: 'detail', render: (d: string | null) => (d ? <Clipped text={d} width={160} /> : '—') },
        { title: '资源状态', key: 'status', render: (_: unknown, g) => <StatusTag type="ResourceStatus" value={g.resource.status} /> },
        {
          title: '项目',
          key: 'project',
          render: (_: unknown, g) =>
            g.resource.project ? (
              <Clipped text={g.resource.project.name} width={140}>
                <Link to={`/projects/${g.resource.project.code}`}>{g.resource.project.name}</Link>
              </Clipped>
            ) : (
              '—'
            ),
        },
        { title: '提供单位', key: 'provider', render: (_: unknown, g) => <Clipped text={g.resource.provider.name} width={130} /> },
      ]}
    />
  );
}
