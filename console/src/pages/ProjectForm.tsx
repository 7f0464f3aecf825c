import { App, Breadcrumb, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { gql, UserError } from '../api';
import { Failure, Loading, useQuery } from '../components/common';
import { applyUserErrors, ErrorList } from '../components/errors';
import { options } from '../format';
import { Link, useRoute } from '../router';

/** The construction scheme's sections (第八条). */
const PLAN = [
  ['background', '建设背景依据'],
  ['necessity', '必要性和可行性'],
  ['goals', '建设目标'],
  ['content', '建设内容'],
  ['schedule', '建设工期'],
  ['securitySystem', '网络安全体系'],
  ['configuration', '软硬件配置'],
  ['highlights', '项目特色'],
  ['scenarios', '创新应用场景'],
] as const;

const KNOWN = [
  ['name'],
  ['code'],
  ['category'],
  ['planYear'],
  ['totalBudget'],
  ['fundingSource'],
  ['cloudDeployment'],
  ['cloudReason'],
  ['crossDepartment'],
  ['budgetYears'],
  ...PLAN.map(([k]) => ['plan', k]),
];

/** A project's declaration form; a draft is saved with what it has, the API says what declaring still needs. */
export default function ProjectForm({ code }: { code?: string }) {
  const { message } = App.useApp();
  const { go } = useRoute();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const existing = useQuery('Project', { code: code ?? '-' });
  const p = code ? existing.data?.project : null;
  useEffect(() => {
    if (p) form.setFieldsValue({ ...p, totalBudget: Number(p.totalBudget) });
  }, [p, form]);
  if (code && existing.error) return <Failure error={existing.error} />;
  if (code && !existing.data) return <Loading />;

  const save = async (v: Record<string, unknown>) => {
    setBusy(true);
    const plan = Object.fromEntries(PLAN.map(([k]) => [k, ((v.plan as Record<string, string> | undefined)?.[k] ?? '').trim() || null]));
    const changes: Record<string, unknown> = {
      name: v.name,
      category: v.category,
      planYear: v.planYear,
      totalBudget: v.totalBudget === undefined || v.totalBudget === null ? undefined : String(v.totalBudget),
      fundingSource: v.fundingSource || null,
      cloudDeployment: v.cloudDeployment,
      cloudReason: v.cloudReason || null,
      crossDepartment: Boolean(v.crossDepartment),
      plan,
    };
    try {
      const data = code
        ? await gql('ProjectUpdate', { input: { projectId: p.id, changes } })
        : await gql('ProjectCreate', { input: { ...changes, code: v.code || undefined } });
      const out = data[code ? 'projectUpdate' : 'projectCreate'];
      if (out.userErrors.length) {
        setErrors(
          applyUserErrors(
            form,
            out.userErrors.map((e: UserError) => ({ ...e, field: e.field && e.field[1] === 'changes' ? ['input', ...e.field.slice(2)] : e.field })),
            KNOWN,
          ),
        );
        return;
      }
      message.success(code ? '已保存' : `已新建项目 ${out.project.code}`);
      go(`/projects/${out.project.code}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/projects">项目</Link> }, { title: code ? `修改 ${code}` : '新建项目' }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {code ? `修改项目：${p?.name}` : '新建政务信息化项目'}
      </Typography.Title>
      <ErrorList errors={errors} />
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ category: 'NEW', cloudDeployment: 'DISTRICT_GOV_CLOUD', planYear: new Date().getFullYear() + 1, crossDepartment: false }}
      >
        <Card title="基本信息">
          <Row gutter={16}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="项目名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
                <Input />
              </Form.Item>
            </Col>
            {code ? null : (
              <Col xs={24} md={12} xl={8}>
                <Form.Item label="项目编号" name="code" extra="留空则自动编号，如 SC-2027-0014">
                  <Input />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="项目类别" name="category" rules={[{ required: true, message: '请选择项目类别' }]}>
                <Select options={options('ProjectCategory')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="计划年度" name="planYear" rules={[{ required: true, message: '请填写计划年度' }]}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="总预算（元）" name="totalBudget" rules={[{ required: true, message: '请填写总预算' }]}>
                <InputNumber min={0} step={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="资金来源" name="fundingSource">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="部署方式（第十六条）" name="cloudDeployment">
                <Select options={options('CloudDeployment')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="不上区政务云的理由" name="cloudReason">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="跨部门共建共享" name="crossDepartment" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="建设方案（第八条：申报前各部分均须填写）" style={{ marginTop: 16 }}>
          <Row gutter={16}>
            {PLAN.map(([k, text]) => (
              <Col xs={24} md={12} key={k}>
                <Form.Item label={text} name={['plan', k]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
          <Button onClick={() => history.back()}>取消</Button>
        </Space>
      </Form>
    </Space>
  );
}
