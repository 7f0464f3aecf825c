import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { signIn } from '../api';

export function Login({ onSignedIn, notice }: { onSignedIn: () => void; notice?: string }) {
  /** A refusal that names no field (the hub unreachable); one that does is shown beside it, as every form shows its userErrors. */
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ login: string; password: string }>();
  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    const outcome = await signIn(values.login.trim(), values.password);
    setBusy(false);
    if (outcome.ok) return onSignedIn();
    if (outcome.field) form.setFields([{ name: outcome.field, errors: [outcome.message] }]);
    else setError(outcome.message);
  };
  return (
    <main className="hub-login">
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          宿城区政务信息资源目录管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          信息资源目录 · 共享清单 · 归集完整性
        </Typography.Paragraph>
        {notice ? <Alert type="info" showIcon message={notice} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="登录名" name="login" rules={[{ required: true, whitespace: true, message: '请输入登录名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
