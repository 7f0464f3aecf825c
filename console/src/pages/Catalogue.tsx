import { Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { argumentError } from '../api';
import { PagedTable, StatusTag, useConnection } from '../components/common';
import { CATALOGUE_FILTERS, catalogueQuery, catalogueStart, catalogueVariables } from '../early';
import { label, options, when } from '../format';
import { Link, useRoute } from '../router';
import { hasRole, useViewer } from '../session';

interface Row {
  id: string;
  code: string;
  name: string;
  status: string;
  sharingType: string | null;
  openType: string | null;
  updateFrequency: string | null;
  catalogueKind: string;
  updatedAt: string;
  provider: { id: string; name: string };
}

interface Facets {
  catalogueKind: { value: string; count: number }[];
  sharingType: { value: string | null; count: number }[];
  openType: { value: string | null; count: number }[];
  updateFrequency: { value: string | null; count: number }[];
  provider: { count: number; organization: { id: string; name: string } }[];
}

type FilterKey = (typeof CATALOGUE_FILTERS)[number];

/** The catalogue: Chinese substring search, filters, and the count of each value among the matches. */
export default function Catalogue() {
  const viewer = useViewer();
  const { search: params, path, replace } = useRoute();
  const [first] = useState(() => catalogueStart(params));
  const [search, setSearch] = useState(first.search);
  /** The text in the search box (searched on Enter), cleared with the other conditions. */
  const [typed, setTyped] = useState(first.search);
  const [filter, setFilter] = useState<Partial<Record<FilterKey, string>>>(first.filter);
  const paged = useConnection<Row>('Resources', catalogueVariables(filter, search), (d) => d.resources, 20, first.turned);
  // The search, the filters and the page stay in the URL (replaced, not pushed), so a reload or a shared link keeps them.
  const query = catalogueQuery(search, filter, paged.turned);
  useEffect(() => replace(`${path}${query}`), [query]);
  const searchRefused = argumentError(paged.error, 'filter')?.field === 'search' ? argumentError(paged.error, 'filter')!.message : null;
  const facets = (paged.data as { resources?: { facets: Facets } } | undefined)?.resources?.facets;
  const set = (key: FilterKey) => (value: string | undefined) => setFilter((f) => ({ ...f, [key]: value }));

  /** Options of an enum filter with each value's count among the current matches. */
  const counted = (type: string, counts: { value: string | null; count: number }[] | undefined) =>
    options(type).map((o) => {
      const n = counts?.find((c) => c.value === o.value)?.count ?? 0;
      return { value: o.value, label: `${o.label}（${n}）` };
    });

  const facet = (key: FilterKey, title: string, type: string, counts: { value: string | null; count: number }[] | undefined) => (
    <Col xs={24} sm={12} lg={8} xl={4} key={key}>
      <label htmlFor={`f-${key}`} style={{ display: 'block', marginBottom: 4 }}>
        {title}
      </label>
      <Select id={`f-${key}`} allowClear placeholder="全部" value={filter[key]} onChange={set(key)} options={counted(type, counts)} style={{ width: '100%' }} />
    </Col>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          政务信息资源目录
        </Typography.Title>
        <Space wrap>
          {hasRole(viewer, 'PROJECT_UNIT') ? <Link to="/resources/new">登记信息资源</Link> : null}
          <a href="/catalogue/export.xlsx" download>
            导出目录（Excel）
          </a>
          <a href="/catalogue/export.csv" download>
            导出目录（CSV）
          </a>
        </Space>
      </Space>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Form layout="vertical" component="div">
            <Form.Item
              label="搜索（资源名称、代码、摘要）"
              htmlFor="catalogue-search"
              style={{ marginBottom: 0 }}
              validateStatus={searchRefused ? 'error' : undefined}
              help={searchRefused ?? undefined}
            >
              <Input.Search
                id="catalogue-search"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                allowClear
                enterButton="搜索"
                placeholder="如：人口、营业执照"
                onSearch={(v) => setSearch(v.trim())}
                style={{ maxWidth: 520 }}
              />
            </Form.Item>
          </Form>
          <Row gutter={[12, 12]}>
            {facet('catalogueKind', '目录类型', 'CatalogueKind', facets?.catalogueKind)}
            {facet('sharingType', '共享类型', 'SharingType', facets?.sharingType)}
            {facet('openType', '开放类型', 'OpenType', facets?.openType)}
            {facet('updateFrequency', '更新周期', 'UpdateFrequency', facets?.updateFrequency)}
            <Col xs={24} sm={12} lg={8} xl={4}>
              <label htmlFor="f-providerId" style={{ display: 'block', marginBottom: 4 }}>
                提供单位
              </label>
              <Select
                id="f-providerId"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="全部"
                value={filter.providerId}
                onChange={set('providerId')}
                options={facets?.provider.map((p) => ({ value: p.organization.id, label: `${p.organization.name}（${p.count}）` })) ?? []}
                style={{ width: '100%' }}
              />
            </Col>
            <Col xs={24} sm={12} lg={8} xl={4}>
              <label htmlFor="f-status" style={{ display: 'block', marginBottom: 4 }}>
                状态
              </label>
              <Select
                id="f-status"
                allowClear
                placeholder="全部"
                value={filter.status}
                onChange={set('status')}
                options={options('ResourceStatus')}
                style={{ width: '100%' }}
              />
            </Col>
          </Row>
          {Object.values(filter).some(Boolean) || search ? (
            <Button
              onClick={() => {
                setFilter({});
                setSearch('');
                setTyped('');
              }}
            >
              清除条件
            </Button>
          ) : null}
        </Space>
      </Card>
      <PagedTable<Row>
        paged={paged}
        errorShownBeside={searchRefused !== null}
        columns={[
          { title: '资源代码', dataIndex: 'code', render: (c: string, r) => <Link to={`/resources/${r.id}`}>{c}</Link> },
          { title: '资源名称', dataIndex: 'name' },
          { title: '提供单位', key: 'provider', render: (_: unknown, r) => r.provider.name },
          { title: '共享类型', dataIndex: 'sharingType', render: (s: string) => label('SharingType', s) },
          { title: '开放类型', dataIndex: 'openType', render: (s: string) => label('OpenType', s) },
          { title: '更新周期', dataIndex: 'updateFrequency', render: (s: string) => label('UpdateFrequency', s) },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag type="ResourceStatus" value={s} /> },
          { title: '更新时间', dataIndex: 'updatedAt', render: when },
        ]}
      />
    </Space>
  );
}
