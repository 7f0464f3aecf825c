import { App, Button, Form, Input, Modal, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { gql, UserError } from '../api';
import { DaysLeft, PagedTable, StatusTag, useConnection } from '../components/common';
import { applyUserErrors, ErrorList } from '../components/errors';
import { when } from '../format';
import { Link } from '../router';
import { hasRole, useViewer } from '../session';

interface Row {
  id: string;
  status: string;
  purpose: string;
  requestedAt: string;
  dueOn: string;
  dueOnProvisional: boolean;
  daysLeft: number | null;
  overdue: boolean;
  rejectionReason: string | null;
  consumerOrganization: { id: string; name: string };
  resource: { id: string; code: string; name: string; provider: { id: string; name: string } };
}

function Answer({ row, done }: { row: Row; done: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [form] = Form.useForm();
  const approve = async () => {
    const { sharingRequestApprove: p } = await gql('SharingRequestApprove', { input: { requestId: row.id } });
    if (p.userErrors.length) setErrors(p.userErrors);
    else {
      message.success('已同意共享');
      done();
    }
  };
  const reject = async ({ reason }: { reason: string }) => {
    const { sharingRequestReject: p } = await gql('SharingRequestReject', { input: { requestId: row.id, reason } });
    if (p.userErrors.length) setErrors(applyUserErrors(form, p.userErrors, [['reason']]));
    else {
      setOpen(false);
      message.success('已答复不予共享');
      done();
    }
  };
  return (
    <Space direction="vertical">
      <Space>
        <Button
          type="primary"
          size="small"
          onClick={() => approve().catch((e) => message.error(e.message))}
          aria-label={`同意 ${row.consumerOrganization.name} 的申请`}
        >
          同意
        </Button>
        <Button danger size="small" onClick={() => setOpen(true)} aria-label={`拒绝 ${row.consumerOrganization.name} 的申请`}>
          拒绝
        </Button>
      </Space>
      {open ? null : <ErrorList errors={errors} />}
      <Modal title="不予共享" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="确定" destroyOnHidden>
        <ErrorList errors={errors} />
        <Form form={form} layout="vertical" onFinish={(v) => reject(v).catch((e) => message.error(e.message))}>
          <Form.Item label="拒绝理由" name="reason" rules={[{ required: true, whitespace: true, message: '拒绝须说明理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** Requests for conditionally shared entries: answered by the provider within 10 working days. */
export default function SharingRequests() {
  const viewer = useViewer();
  const unit = hasRole(viewer, 'PROJECT_UNIT');
  const org = viewer.organization?.id;
  const [side, setSide] = useState<'answer' | 'made'>('answer');
  const filter = unit ? (side === 'answer' ? { providerOrganizationId: org } : { consumerOrganizationId: org }) : {};
  const paged = useConnection<Row>('SharingRequests', { filter }, (d) => d.sharingRequests);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        共享申请（10 个工作日内答复）
      </Typography.Title>
      {unit ? (
        <Segmented
          aria-label="申请方向"
          value={side}
          onChange={(v) => setSide(v as 'answer' | 'made')}
          options={[
            { value: 'answer', label: '待本单位答复' },
            { value: 'made', label: '本单位提出' },
          ]}
        />
      ) : null}
      <PagedTable<Row>
        paged={paged}
        columns={[
          { title: '资源', key: 'res', render: (_: unknown, r) => <Link to={`/resources/${r.resource.id}`}>{r.resource.name}</Link> },
          { title: '提供单位', key: 'prov', render: (_: unknown, r) => r.resource.provider.name },
          { title: '申请单位', key: 'cons', render: (_: unknown, r) => r.consumerOrganization.name },
          { title: '用途', dataIndex: 'purpose' },
          { title: '申请时间', dataIndex: 'requestedAt', render: when },
          {
            title: '答复期限',
            key: 'due',
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  {r.dueOn}
                  {r.dueOnProvisional ? '（暂定）' : ''}
                </span>
                {r.status === 'PENDING' ? <DaysLeft days={r.daysLeft} overdue={r.overdue} /> : null}
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag type="SharingRequestStatus" value={s} /> },
          {
            title: '答复',
            key: 'act',
            render: (_: unknown, r) =>
              r.status === 'PENDING' && unit && r.resource.provider.id === org ? <Answer row={r} done={paged.reload} /> : (r.rejectionReason ?? '—'),
          },
        ]}
      />
    </Space>
  );
}
