import { Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { PagedTable, StatusTag, useConnection } from '../components/common';
import { CoBuildingProposals } from '../components/CoBuildingProposals';
import { label, options, yuan } from '../format';
import { Link, useRoute } from '../router';
import { hasRole, useViewer } from '../session';

interface Row {
  id: string;
  code: string;
  name: string;
  status: string;
  planYear: number;
  category: string;
  totalBudget: string;
  leadUnit: { name: string };
}

export default function Projects() {
  const viewer = useViewer();
  const { go, search } = useRoute();
  const [status, setStatus] = useState<string | undefined>(search.get('status') ?? undefined);
  const [name, setName] = useState('');
  // A unit sees every project in the annual plan (第十条) but builds only some (第八条、第十四条): those first.
  const unit = hasRole(viewer, 'PROJECT_UNIT') && viewer.organization ? viewer.organization.id : null;
  const [ownOnly, setOwnOnly] = useState(search.get('all') !== '1');
  const organizationId = unit && ownOnly ? unit : undefined;
  const paged = useConnection<Row>('Projects', { filter: { status, nameContains: name || undefined, organizationId } }, (d) => d.projects);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {unit && ownOnly ? '本单位项目' : '政务信息化项目'}
        </Typography.Title>
        {hasRole(viewer, 'PROJECT_UNIT') ? (
          <Button type="primary" onClick={() => go('/projects/new')}>
            新建项目
          </Button>
        ) : null}
      </Space>
      {unit ? <CoBuildingProposals done={paged.reload} /> : null}
      <Space wrap>
        <label htmlFor="project-name">项目名称</label>
        <Input.Search id="project-name" allowClear placeholder="输入名称中的字词" onSearch={setName} style={{ width: 260 }} />
        <label htmlFor="project-status">状态</label>
        <Select
          id="project-status"
          allowClear
          placeholder="全部状态"
          value={status}
          onChange={setStatus}
          options={options('ProjectStatus')}
          style={{ width: 200 }}
        />
        {unit ? (
          <Checkbox checked={ownOnly} onChange={(e) => setOwnOnly(e.target.checked)}>
            只看本单位牵头或共建的项目
          </Checkbox>
        ) : null}
      </Space>
      <PagedTable<Row>
        paged={paged}
        columns={[
          { title: '项目编号', dataIndex: 'code', render: (c: string) => <Link to={`/projects/${c}`}>{c}</Link> },
          { title: '项目名称', dataIndex: 'name' },
          { title: '牵头单位', key: 'lead', render: (_: unknown, r) => r.leadUnit.name },
          { title: '类别', dataIndex: 'category', render: (c: string) => label('ProjectCategory', c) },
          { title: '年度', dataIndex: 'planYear' },
          { title: '总预算', dataIndex: 'totalBudget', render: yuan },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag type="ProjectStatus" value={s} /> },
        ]}
      />
    </Space>
  );
}
