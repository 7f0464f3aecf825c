import { Alert, App, Breadcrumb, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { gql, UserError } from '../api';
import { Failure, Loading, useQuery } from '../components/common';
import { applyUserErrors, ErrorList, withArticle } from '../components/errors';
import { label, options } from '../format';
import { Link, useRoute } from '../router';

const TEXT = ['name', 'code', 'classificationCode', 'summary', 'subFormat', 'sharingCondition', 'legalBasis', 'openCondition'] as const;
const ENUMS = ['catalogueKind', 'format', 'sharingType', 'sharingMethod', 'openType', 'updateFrequency', 'dataGrade'] as const;
const KNOWN = [...TEXT, ...ENUMS, 'projectId', 'publishedOn', 'relatedResourceCodes'].map((k) => [k]);

interface Item {
  name: string;
  dataType: string;
  length?: number | null;
}

/** 发布日期 as typed: empty, or a real calendar day (2026-13-45 and 2026-02-30 are refused beside the field, as the import refuses them). */
async function realDay(_: unknown, value: unknown): Promise<void> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || dayjs(text, 'YYYY-MM-DD').format('YYYY-MM-DD') !== text) throw new Error(`日期无效：发布日期「${text}」不存在`);
}

/** A catalogue entry with its data items, checked by the API's rules; errors land on their fields (第八条、第九条). */
export default function ResourceForm({ id }: { id?: string }) {
  const { message } = App.useApp();
  const { go, search } = useRoute();
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const existing = useQuery('ResourceEditable', { id: id ?? '00000000-0000-0000-0000-000000000000' });
  const projects = useQuery('Projects', { first: 100 });
  const entry = id ? existing.data?.resource : null;
  // A published entry's changes go to its revision (第五条): the form shows and saves the revision
  // while one is under way, never the published version.
  const revision = entry?.status === 'PUBLISHED' ? entry.revision : null;
  const r = revision ? revision.entry : entry;
  const known = [
    ...KNOWN,
    ...((form.getFieldValue('dataItems') as Item[] | undefined) ?? []).flatMap((_, i) => [
      ['dataItems', i, 'name'],
      ['dataItems', i, 'dataType'],
      ['dataItems', i, 'length'],
    ]),
  ];

  useEffect(() => {
    if (r) {
      form.setFieldsValue({
        ...r,
        publishedOn: r.publishedOn ?? '',
        relatedResourceCodes: r.relatedResourceCodes.join(','),
        dataItems: r.dataItems.map((d: Item) => ({ name: d.name, dataType: d.dataType, length: d.length })),
      });
    }
  }, [r, form]);

  if (id && existing.error) return <Failure error={existing.error} />;
  if (id && !existing.data) return <Loading />;

  const save = async (v: Record<string, unknown>) => {
    setBusy(true);
    const input: Record<string, unknown> = {};
    for (const k of TEXT) if (typeof v[k] === 'string' && (v[k] as string).trim() !== '') input[k] = (v[k] as string).trim();
    for (const k of ENUMS) if (v[k]) input[k] = v[k];
    if (typeof v.publishedOn === 'string' && v.publishedOn.trim()) input.publishedOn = v.publishedOn.trim();
    // Split as the workbook's import splits the column (分号或逗号、空白).
    const related = typeof v.relatedResourceCodes === 'string' ? v.relatedResourceCodes.split(/[;；,，\s]+/).filter(Boolean) : [];
    if (related.length) input.relatedResourceCodes = related;
    input.dataItems = ((v.dataItems as Item[] | undefined) ?? [])
      .filter(Boolean)
      .map((d) => ({ name: d.name?.trim() ?? '', dataType: d.dataType, length: d.length ?? null }));
    if (id) input.id = id;
    else input.projectId = v.projectId;
    try {
      const data = await gql(id ? 'ResourceUpdate' : 'ResourceCreate', { input });
      const p = data[id ? 'resourceUpdate' : 'resourceCreate'];
      if (p.userErrors.length) {
        setErrors(applyUserErrors(form, p.userErrors, known));
        return;
      }
      message.success(id ? (entry?.status === 'PUBLISHED' ? '已保存到修订，已发布版本不变' : '已保存') : `已登记 ${p.resource.code}`);
      go(`/resources/${p.resource.id}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const select = (name: string, text: string, type: string, required = false) => (
    <Col xs={24} md={12} xl={8}>
      <Form.Item label={text} name={name} rules={required ? [{ required: true, message: `请选择${text}` }] : undefined}>
        <Select allowClear={!required} options={options(type)} placeholder={`请选择${text}`} />
      </Form.Item>
    </Col>
  );
  const text = (name: string, label: string, extra?: string, required = false) => (
    <Col xs={24} md={12} xl={8}>
      <Form.Item label={label} name={name} extra={extra} rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : undefined}>
        <Input />
      </Form.Item>
    </Col>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/catalogue">资源目录</Link> }, { title: id ? `修改 ${r?.code}` : '登记信息资源' }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {id ? `修改信息资源：${r?.name}` : '登记信息资源'}
      </Typography.Title>
      {entry?.status === 'PUBLISHED' ? (
        <Alert
          type="info"
          showIcon
          role="note"
          aria-label="修订说明"
          message={
            revision
              ? `正在修改修订（第 ${revision.version} 版，${label('RevisionStatus', revision.status)}）：已发布的第 ${entry.version} 版不变，直至大数据管理局审核发布（第五条）`
              : `本条目已发布（第 ${entry.version} 版）：保存后将另起修订，已发布版本不变，直至大数据管理局审核发布（第五条）`
          }
          description={revision?.returnReason ? `退回理由：${revision.returnReason}` : undefined}
          action={revision ? <WithdrawRevision id={entry.id} done={() => existing.reload()} /> : undefined}
        />
      ) : null}
      <ErrorList errors={errors} />
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          projectId: search.get('project') ?? undefined,
          catalogueKind: 'DEPARTMENTAL',
          format: 'DATABASE',
          dataItems: [{ name: '', dataType: 'C' }],
        }}
        scrollToFirstError
      >
        <Card title="基本信息">
          <Row gutter={16}>
            {id ? null : (
              <Col xs={24} md={12} xl={8}>
                <Form.Item label="所属项目" name="projectId" rules={[{ required: true, message: '请选择所属项目' }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder="选择本单位项目"
                    options={(projects.data?.projects.edges ?? []).map((e: { node: { id: string; code: string; name: string } }) => ({
                      value: e.node.id,
                      label: `${e.node.code} ${e.node.name}`,
                    }))}
                  />
                </Form.Item>
              </Col>
            )}
            {text('name', '信息资源名称', undefined, true)}
            {text('classificationCode', '分类代码', '类1位、项2位、目3位，如 101001', true)}
            {text('code', '信息资源代码', '留空则自动编号：分类代码/6位顺序号')}
            {select('catalogueKind', '目录类型', 'CatalogueKind', true)}
            {select('format', '资源格式', 'ResourceFormat', true)}
            {text('subFormat', '子格式')}
            {select('dataGrade', '数据分级', 'DataGrade')}
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="发布日期" name="publishedOn" extra="YYYY-MM-DD，留空则发布时填写" rules={[{ validator: realDay }]}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            {text('relatedResourceCodes', '关联资源代码', '多个代码以分号或逗号分隔')}
            <Col span={24}>
              <Form.Item label="摘要" name="summary">
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="共享与开放（第九条）" style={{ marginTop: 16 }}>
          <Row gutter={16}>
            {select('sharingType', '共享类型', 'SharingType')}
            {text('sharingCondition', '共享条件', '有条件共享时必填')}
            {text('legalBasis', '不予共享依据', '不予共享时必填')}
            {select('sharingMethod', '共享方式', 'SharingMethod')}
            {select('openType', '开放类型', 'OpenType')}
            {text('openCondition', '开放条件', '有条件开放时必填')}
            {select('updateFrequency', '更新周期', 'UpdateFrequency')}
          </Row>
        </Card>
        <Card title="信息项" style={{ marginTop: 16 }}>
          <Form.List name="dataItems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item label={`第 ${i + 1} 项名称`} name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写信息项名称' }]}>
                      <Input style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item label="数据类型" name={[f.name, 'dataType']} rules={[{ required: true, message: '请选择数据类型' }]}>
                      <Select style={{ width: 200 }} options={options('DataItemType')} />
                    </Form.Item>
                    <Form.Item label="长度" name={[f.name, 'length']}>
                      <InputNumber min={1} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item label=" ">
                      <Button onClick={() => remove(f.name)} aria-label={`删除第 ${i + 1} 项`}>
                        删除
                      </Button>
                    </Form.Item>
                  </Space>
                ))}
                <Button onClick={() => add({ name: '', dataType: 'C' })}>添加信息项</Button>
              </>
            )}
          </Form.List>
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

/** Withdraws the revision under way: the published version stays as it is (第五条). */
function WithdrawRevision({ id, done }: { id: string; done: () => void }) {
  const { message, modal } = App.useApp();
  const withdraw = () =>
    modal.confirm({
      title: '撤回修订？',
      content: '撤回后修订中的修改全部丢弃，已发布版本不变。',
      okText: '撤回修订',
      cancelText: '取消',
      onOk: async () => {
        try {
          const { resourceRevisionWithdraw: p } = await gql('ResourceRevisionWithdraw', { input: { id } });
          if (p.userErrors.length) return void message.error(p.userErrors.map(withArticle).join('；'));
          message.success('已撤回修订');
          done();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  return (
    <Button size="small" danger onClick={withdraw}>
      撤回修订
    </Button>
  );
}
