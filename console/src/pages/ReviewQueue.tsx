import { Space, Typography } from 'antd';
import { PagedTable, useConnection } from '../components/common';
import { ReviewActions } from '../components/ReviewActions';
import { label, when } from '../format';
import { Link } from '../router';

interface Row {
  id: string;
  code: string;
  name: string;
  sharingType: string | null;
  updatedAt: string;
  revision: { status: string; updatedAt: string } | null;
  provider: { name: string };
  project: { code: string } | null;
}

/** Entries and revisions submitted for the bureau's review (第五条). */
export default function ReviewQueue() {
  const paged = useConnection<Row>('ReviewQueue', { filter: { status: 'SUBMITTED' } }, (d) => d.resources);
  // 第五条: revisions of published entries wait here too; the published version stays until one is published.
  const revisions = useConnection<Row>('ReviewQueue', { filter: { revisionStatus: 'SUBMITTED' } }, (d) => d.resources);
  const columns = (reload: () => void, revision = false) => [
    { title: '资源代码', dataIndex: 'code', render: (c: string, r: Row) => <Link to={`/resources/${r.id}`}>{c}</Link> },
    { title: '资源名称', dataIndex: 'name' },
    { title: '提供单位', key: 'provider', render: (_: unknown, r: Row) => r.provider.name },
    { title: '项目', key: 'project', render: (_: unknown, r: Row) => (r.project ? <Link to={`/projects/${r.project.code}`}>{r.project.code}</Link> : '—') },
    { title: '共享类型', dataIndex: 'sharingType', render: (s: string) => label('SharingType', s) },
    // a revision was submitted when it last changed, not when its published entry did
    { title: '提交时间', key: 'at', render: (_: unknown, r: Row) => when(revision && r.revision ? r.revision.updatedAt : r.updatedAt) },
    ...(revision
      ? [
          {
            title: '修订内容',
            key: 'diff',
            render: (_: unknown, r: Row) => (
              <Link to={`/resources/${r.id}`} aria-label={`查看 ${r.name} 的修订差异`}>
                查看差异
              </Link>
            ),
          },
        ]
      : []),
    { title: '审核', key: 'act', render: (_: unknown, r: Row) => <ReviewActions resource={r} done={reload} /> },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        审核队列：待发布的信息资源（第五条）
      </Typography.Title>
      <PagedTable<Row> paged={paged} columns={columns(paged.reload)} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        待发布的修订：已发布条目的下一版本（发布前读者仍见已发布版本）
      </Typography.Title>
      <PagedTable<Row> paged={revisions} columns={columns(revisions.reload, true)} />
    </Space>
  );
}
