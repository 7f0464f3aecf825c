/** 个人设置's dialog: the signed-in person's own reminder address (the daily digest goes there); loaded when opened. */
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { gql, UserError } from '../api';
import { applyUserErrors, ErrorList } from './errors';

interface Saved {
  viewerEmailSet: { user: { id: string; email: string | null } | null; userErrors: UserError[] };
}

export default function PersonalSettingsDialog({
  email,
  saved,
  onClose,
}: {
  email: string | null;
  saved: (email: string | null) => void;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [form] = Form.useForm<{ email: string }>();

  const save = async ({ email: typed }: { email?: string }) => {
    setBusy(true);
    try {
      const { viewerEmailSet: p } = await gql<Saved>('ViewerEmailSet', { input: { email: typed?.trim() ? typed.trim() : null } });
      if (p.userErrors.length) setErrors(applyUserErrors(form, p.userErrors, [['email']]));
      else {
        const now = p.user?.email ?? null;
        saved(now);
        onClose();
        message.success(now ? `提醒邮箱已保存：${now}` : '提醒邮箱已清除，不再发送每日提醒邮件');
      }
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="个人设置" open onCancel={onClose} footer={null}>
      <ErrorList errors={errors} />
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ email: email ?? '' }}>
        <Form.Item
          name="email"
          label="提醒邮箱"
          extra="每日待办与期限提醒邮件发送到此地址；留空则不再发送。"
          rules={[{ max: 254, message: '邮箱地址最长254个字符' }]}
        >
          <Input inputMode="email" autoComplete="email" placeholder="name@sucheng.gov.cn" maxLength={254} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          当前：{email ?? '未设置'}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}
