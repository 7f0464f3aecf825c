import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { gql, UserError } from '../api';
import { options } from '../format';
import { applyUserErrors, ErrorList } from './errors';

const FIELDS = [['kind'], ['endpoint'], ['syncFrequency'], ['resourceId']];

/** 第九条、第十七条: a sharing interface for an entry; the sync may not be rarer than the entry's update frequency. */
export function InterfaceForm({ resourceId, onDone, onCancel }: { resourceId: string; onDone: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const save = async (values: { kind: string; endpoint: string; syncFrequency: string }) => {
    setBusy(true);
    try {
      const { interfaceRegister: p } = await gql('InterfaceRegister', { input: { ...values, resourceId } });
      if (p.userErrors.length) setErrors(applyUserErrors(form, p.userErrors, FIELDS));
      else {
        message.success('接口已登记');
        onDone();
      }
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="登记共享接口" style={{ marginBottom: 16 }}>
      <ErrorList errors={errors} />
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'REST_API', syncFrequency: 'DAILY' }}>
        <Space wrap align="start">
          <Form.Item label="接口类型" name="kind" rules={[{ required: true, message: '请选择接口类型' }]}>
            <Select options={options('InterfaceKind')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label="接口地址" name="endpoint" rules={[{ required: true, whitespace: true, message: '请填写接口地址' }]}>
            <Input style={{ width: 360 }} placeholder="https://…" />
          </Form.Item>
          <Form.Item label="同步频率" name="syncFrequency" rules={[{ required: true, message: '请选择同步频率' }]}>
            <Select options={options('UpdateFrequency')} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            登记
          </Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
