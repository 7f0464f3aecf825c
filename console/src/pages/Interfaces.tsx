import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { PagedTable, StatusTag, useConnection } from '../components/common';
import { label, options, when } from '../format';
import { Link } from '../router';

interface Row {
  id: string;
  kind: string;
  endpoint: string;
  syncFrequency: string;
  mountStatus: string;
  platformId: string | null;
  mountedAt: string | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  resource: { id: string; code: string; name: string; provider: { name: string } };
}

/** The sharing list with each interface's mount on the city exchange platform (第十七条). */
export default function Interfaces() {
  const [mountStatus, setMountStatus] = useState<string | undefined>();
  const paged = useConnection<Row>('Interfaces', { filter: { mountStatus } }, (d) => d.interfaces);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        共享接口与挂接状态（第十七条）
      </Typography.Title>
      <Space>
        <label htmlFor="mount-status">挂接状态</label>
        <Select
          id="mount-status"
          allowClear
          placeholder="全部"
          value={mountStatus}
          onChange={setMountStatus}
          options={options('MountStatus')}
          style={{ width: 200 }}
        />
      </Space>
      <PagedTable<Row>
        paged={paged}
        columns={[
          { title: '资源', key: 'res', render: (_: unknown, r) => <Link to={`/resources/${r.resource.id}`}>{`${r.resource.code} ${r.resource.name}`}</Link> },
          { title: '提供单位', key: 'prov', render: (_: unknown, r) => r.resource.provider.name },
          { title: '类型', dataIndex: 'kind', render: (k: string) => label('InterfaceKind', k) },
          { title: '同步频率', dataIndex: 'syncFrequency', render: (f: string) => label('UpdateFrequency', f) },
          { title: '挂接状态', dataIndex: 'mountStatus', render: (s: string) => <StatusTag type="MountStatus" value={s} /> },
          { title: '平台编号', dataIndex: 'platformId', render: (v: string | null) => v ?? '—' },
          { title: '挂接时间', dataIndex: 'mountedAt', render: when },
          { title: '最近成功归集', dataIndex: 'lastSuccessAt', render: when },
        ]}
      />
    </Space>
  );
}
