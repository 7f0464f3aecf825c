import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { gql, UserError } from '../api';
import { applyUserErrors, ErrorList } from './errors';

/** 第五条: the bureau publishes a submitted entry, or returns it with its reason. */
export function ReviewActions({ resource, done }: { resource: { id: string; code: string; name: string }; done: () => void }) {
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const publish = async () => {
    setBusy(true);
    try {
      const { resourcePublish: p } = await gql('ResourcePublish', { input: { id: resource.id } });
      if (p.userErrors.length) setErrors(p.userErrors);
      else {
        message.success(`已发布 ${resource.code}（第 ${p.resource.version} 版）`);
        done();
      }
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const giveBack = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const { resourceReturn: p } = await gql('ResourceReturn', { input: { id: resource.id, reason } });
      if (p.userErrors.length) setErrors(applyUserErrors(form, p.userErrors, [['reason']]));
      else {
        setReturning(false);
        message.success(`已退回 ${resource.code}`);
        done();
      }
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical">
      <Space>
        <Button type="primary" onClick={publish} loading={busy && !returning} aria-label={`发布 ${resource.name}`}>
          发布
        </Button>
        <Button danger onClick={() => setReturning(true)} aria-label={`退回 ${resource.name}`}>
          退回
        </Button>
      </Space>
      {returning ? null : <ErrorList errors={errors} />}
      <Modal
        title={`退回「${resource.name}」`}
        open={returning}
        onCancel={() => setReturning(false)}
        onOk={() => form.submit()}
        okText="退回"
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        destroyOnHidden
      >
        <ErrorList errors={errors} />
        <Form form={form} layout="vertical" onFinish={giveBack}>
          <Form.Item label="退回理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退回理由（第五条）' }]}>
            <Input.TextArea rows={3} placeholder="说明需要建设单位修改的内容" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
