import { Card, Segmented, Select, Space, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Failure, Loading, useQuery } from '../components/common';
import { FIGURES, FigureCards, FigureKey, Figures } from '../figures';
import { percent, when } from '../format';
import { Link, useRoute } from '../router';
import { hasRole, useViewer } from '../session';

const OrgBarChart = lazy(() => import('../charts/OrgBarChart'));

interface Answer {
  completeness: Figures & { at: string; byOrganization: { organization: { id: string; name: string }; completeness: Figures }[] };
}

export default function Dashboard() {
  const { go } = useRoute();
  const viewer = useViewer();
  // A project unit reads its own organisations' figures only (the API narrows them, 第十三条); oversight reads the district's.
  const ownUnit = hasRole(viewer, 'PROJECT_UNIT') && !hasRole(viewer, 'BIG_DATA_BUREAU', 'LEADING_GROUP_OFFICE', 'EXPERT', 'AUDITOR', 'ADMIN');
  const [figure, setFigure] = useState<FigureKey>('catalogued');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const q = useQuery<Answer>('Dashboard', {});
  const name = FIGURES.find((f) => f.key === figure)!.name;
  const bars = useMemo(() => {
    const list = (q.data?.completeness.byOrganization ?? []).map((o) => ({ id: o.organization.id, name: o.organization.name, ...o.completeness[figure] }));
    const v = (r: number | null) => (r === null ? -1 : r);
    return list.sort((a, b) => (order === 'asc' ? v(a.ratio) - v(b.ratio) : v(b.ratio) - v(a.ratio)) || a.name.localeCompare(b.name, 'zh-CN'));
  }, [q.data, figure, order]);

  if (q.error) return <Failure error={q.error} />;
  if (!q.data) return <Loading />;
  const c = q.data.completeness;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {ownUnit ? '本单位信息资源共享完整性' : '全区信息资源共享完整性'}
      </Typography.Title>
      <Typography.Text type="secondary">统计时点：{when(c.at)}（按需归集、应归尽归，第十七条）</Typography.Text>
      <FigureCards figures={c} />
      <Card
        title="各单位完整性（点击条形查看该单位的项目）"
        extra={
          <Space wrap>
            <label htmlFor="figure-select">指标</label>
            <Select
              id="figure-select"
              aria-label="指标"
              value={figure}
              onChange={setFigure}
              style={{ width: 140 }}
              options={FIGURES.map((f) => ({ value: f.key, label: f.name }))}
            />
            <Segmented
              aria-label="排序"
              value={order}
              onChange={(v) => setOrder(v as 'asc' | 'desc')}
              options={[
                { value: 'asc', label: '由低到高' },
                { value: 'desc', label: '由高到低' },
              ]}
            />
          </Space>
        }
      >
        <Suspense fallback={<Loading />}>
          <OrgBarChart bars={bars} figureName={name} onPick={(id) => go(`/organizations/${id}`)} />
        </Suspense>
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="id"
          pagination={false}
          caption={`各单位${name}（与图对应，可用键盘访问）`}
          dataSource={bars}
          columns={[
            { title: '单位', dataIndex: 'name', render: (text: string, b) => <Link to={`/organizations/${b.id}`}>{text}</Link> },
            { title: name, dataIndex: 'ratio', render: (r: number | null) => percent(r), width: 120 },
            { title: '分子 / 分母', key: 'nd', render: (_: unknown, b) => `${b.numerator} / ${b.denominator}`, width: 140 },
          ]}
        />
      </Card>
    </Space>
  );
}
