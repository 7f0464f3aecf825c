import { Alert, Breadcrumb, Button, Card, Descriptions, Space, Steps, Table, Tag, Typography } from 'antd';
import { ChangeEvent, useState } from 'react';
import { ApiError, importCatalogue, ImportError, ImportReport } from '../api';
import { Link } from '../router';

const SHEETS: Record<string, string> = { resources: '信息资源目录', interfaces: '共享接口' };

function Summary({ report }: { report: ImportReport }) {
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 4 }}>
      <Descriptions.Item label="数据行">{report.rows}</Descriptions.Item>
      <Descriptions.Item label="新增资源">{report.created}</Descriptions.Item>
      <Descriptions.Item label="修改资源">{report.updated}</Descriptions.Item>
      <Descriptions.Item label="其中转为修订（待审核）">{report.revised}</Descriptions.Item>
      <Descriptions.Item label="登记接口">{report.interfacesRegistered}</Descriptions.Item>
      <Descriptions.Item label="修改接口">{report.interfacesUpdated}</Descriptions.Item>
      <Descriptions.Item label="未变化">{report.unchanged}</Descriptions.Item>
      <Descriptions.Item label="错误">{report.errorCount}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * Excel import of a project's catalogue entries: the template to download, a dry run of the
 * filled file (nothing written) with the table of refused rows, then the real import of the same
 * file once its dry run passed.
 */
export default function ImportPage({ code }: { code: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null);
  const [dry, setDry] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    setFile(e.target.files?.[0] ?? null);
    setDry(null);
    setDone(null);
    setError(null);
  };
  const run = async (dryRun: boolean) => {
    if (!file) return setError('请先选择已填写的模板文件');
    setBusy(dryRun ? 'dry' : 'real');
    setError(null);
    try {
      const report = await importCatalogue(code, file, dryRun);
      if (dryRun) setDry(report);
      else if (report.errorCount) setDry(report);
      else setDone(report);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导入失败');
    } finally {
      setBusy(null);
    }
  };
  const report = done ?? dry;
  const step = done ? 3 : dry && !dry.errorCount ? 2 : file ? 1 : 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/projects">项目</Link> }, { title: <Link to={`/projects/${code}`}>{code}</Link> }, { title: 'Excel 导入' }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        Excel 批量导入信息资源（项目 {code}）
      </Typography.Title>
      <Steps current={step} items={[{ title: '下载模板' }, { title: '选择文件' }, { title: '试导入' }, { title: '正式导入' }]} style={{ maxWidth: 900 }} />
      <Card size="small" title="1. 下载模板">
        <Space wrap>
          <a href="/catalogue/template.xlsx" download>
            下载信息资源目录导入模板（.xlsx）
          </a>
          <Typography.Text type="secondary">按模板的「信息资源目录」「共享接口」两张表填写，带 * 的列必填（第八条）。</Typography.Text>
        </Space>
      </Card>
      <Card size="small" title="2. 上传并试导入">
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            <label htmlFor="import-file" style={{ display: 'block', marginBottom: 4 }}>
              已填写的模板文件（.xlsx 或 .csv）
            </label>
            <input
              id="import-file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={pick}
            />
          </div>
          <Space wrap>
            <Button type="primary" onClick={() => run(true)} loading={busy === 'dry'} disabled={!file || busy !== null}>
              试导入（不写入）
            </Button>
            <Button onClick={() => run(false)} loading={busy === 'real'} disabled={!dry || dry.errorCount > 0 || done !== null || busy !== null}>
              正式导入
            </Button>
            {!dry && file ? <Typography.Text type="secondary">请先试导入，无错误后才能正式导入</Typography.Text> : null}
          </Space>
          {error ? <Alert type="error" showIcon role="alert" message={error} /> : null}
        </Space>
      </Card>
      {report ? (
        <Card size="small" title={done ? '导入结果' : '试导入结果'}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <div role="status" aria-label="导入结果">
              {done ? (
                <Alert
                  type="success"
                  showIcon
                  message={`已导入 ${done.rows} 行：新增 ${done.created} 条、修改 ${done.updated} 条、未变化 ${done.unchanged} 行，登记接口 ${done.interfacesRegistered} 个`}
                />
              ) : report.errorCount ? (
                <Alert type="error" showIcon message={`发现 ${report.errorCount} 处错误，未写入任何数据；请按下表修改后重新试导入`} />
              ) : (
                <Alert type="success" showIcon message={`试导入通过：${report.rows} 行均无错误，尚未写入，可正式导入`} />
              )}
            </div>
            <Summary report={report} />
            {report.errors.length ? (
              <Table<ImportError & { key: number }>
                aria-label="行错误"
                size="small"
                dataSource={report.errors.map((e, key) => ({ ...e, key }))}
                pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 处错误${report.errorCount > n ? `（仅列出前 ${n} 处）` : ''}`, hideOnSinglePage: true }}
                columns={[
                  { title: '工作表', dataIndex: 'sheet', render: (s: string) => SHEETS[s] ?? s },
                  { title: '行', dataIndex: 'row' },
                  { title: '列', dataIndex: 'column', render: (c: string | null) => c ?? '（整行）' },
                  { title: '错误代码', dataIndex: 'code', render: (c: string) => <Tag>{c}</Tag> },
                  { title: '说明', render: (_: unknown, e: ImportError) => (e.article ? `${e.message}（${e.article}）` : e.message) },
                ]}
              />
            ) : null}
            {done ? <Link to={`/projects/${code}`}>回到项目，查看登记的资源</Link> : null}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
