import { Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { PagedTable, StatusTag, useConnection } from '../components/common';
import { day } from '../format';
import { Link } from '../router';

interface Row {
  id: string;
  code: string;
  name: string;
  status: string;
  leadUnit: { name: string };
  updatedAt: string;
}

const STAGES = [
  { value: 'ACCEPTANCE_APPLIED', label: '待验收' },
  { value: 'ACCEPTED', label: '待备案' },
  { value: 'ACCEPTANCE_FAILED', label: '验收不合格' },
  { value: 'FILED', label: '已备案' },
  { value: 'TRIAL_OPERATION', label: '试运行中' },
];

/** Acceptance applications by stage (第二十四条至第二十六条). */
export default function AcceptanceList() {
  const [status, setStatus] = useState('ACCEPTANCE_APPLIED');
  const paged = useConnection<Row>('Projects', { filter: { status } }, (d) => d.projects);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        竣工验收（第二十四条至第二十六条）
      </Typography.Title>
      <Segmented aria-label="验收阶段" value={status} onChange={(v) => setStatus(v as string)} options={STAGES} />
      <PagedTable<Row>
        paged={paged}
        columns={[
          { title: '项目编号', dataIndex: 'code', render: (c: string) => <Link to={`/acceptance/${c}`}>{c}</Link> },
          { title: '项目名称', dataIndex: 'name', render: (n: string, r) => <Link to={`/acceptance/${r.code}`}>{n}</Link> },
          { title: '牵头单位', key: 'lead', render: (_: unknown, r) => r.leadUnit.name },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag type="ProjectStatus" value={s} /> },
          { title: '更新', dataIndex: 'updatedAt', render: (d: string) => day(d?.slice(0, 10)) },
        ]}
      />
    </Space>
  );
}
