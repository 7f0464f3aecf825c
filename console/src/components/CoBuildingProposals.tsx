import { App, Button, Card, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { gql, UserError } from '../api';
import { ErrorList } from './errors';
import { useQuery } from './common';
import { when } from '../format';
import { Link } from '../router';

interface Proposal {
  projectId: string;
  projectCode: string;
  projectName: string;
  planYear: number;
  proposedAt: string;
  leadUnit: { name: string };
}

/**
 * 第十四条: the projects that name the caller's unit as a co-building unit and wait for its answer.
 * The unit builds such a project (changes it, provides its entries) only once it accepts; here it
 * accepts or declines, with a note if it likes. Shown only while some proposal waits.
 */
export function CoBuildingProposals({ done }: { done: () => void }) {
  const { message } = App.useApp();
  const q = useQuery<{ coBuildingProposals: Proposal[] }>('CoBuildingProposals', {});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const proposals = q.data?.coBuildingProposals ?? [];
  if (!proposals.length) return null;

  const answer = async (p: Proposal, accept: boolean) => {
    setBusy(p.projectId);
    setErrors([]);
    try {
      const operation = accept ? 'CoBuildingAccept' : 'CoBuildingDecline';
      const data = await gql(operation, { input: { projectId: p.projectId, note: notes[p.projectId]?.trim() || undefined } });
      const outcome = (accept ? data.coBuildingAccept : data.coBuildingDecline) as { userErrors: UserError[] };
      if (outcome.userErrors.length) setErrors(outcome.userErrors);
      else {
        message.success(accept ? `已接受共建 ${p.projectCode}，本单位可参与建设该项目` : `已拒绝共建 ${p.projectCode}`);
        q.reload();
        done();
      }
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={`待答复的共建提议（${proposals.length}）`}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        以下项目的牵头单位提议本单位共建；接受后本单位方可参与建设、登记和维护该项目的信息资源（第十四条）。
      </Typography.Paragraph>
      <ErrorList errors={errors} />
      <Table<Proposal>
        size="small"
        rowKey="projectId"
        pagination={false}
        dataSource={proposals}
        columns={[
          {
            title: '项目',
            key: 'project',
            render: (_: unknown, p) => (
              <Space direction="vertical" size={0}>
                <Link to={`/projects/${p.projectCode}`}>{p.projectCode}</Link>
                <span>{p.projectName}</span>
              </Space>
            ),
          },
          { title: '牵头单位', key: 'lead', render: (_: unknown, p) => p.leadUnit.name },
          { title: '年度', dataIndex: 'planYear' },
          { title: '提议时间', dataIndex: 'proposedAt', render: when },
          {
            title: '答复说明',
            key: 'note',
            render: (_: unknown, p) => (
              <Input
                aria-label={`答复说明 ${p.projectCode}`}
                placeholder="可选"
                maxLength={500}
                value={notes[p.projectId] ?? ''}
                onChange={(e) => setNotes((n) => ({ ...n, [p.projectId]: e.target.value }))}
              />
            ),
          },
          {
            title: '答复',
            key: 'act',
            render: (_: unknown, p) => (
              <Space>
                <Button type="primary" size="small" loading={busy === p.projectId} onClick={() => answer(p, true)} aria-label={`接受共建 ${p.projectCode}`}>
                  接受共建
                </Button>
                <Popconfirm title="拒绝后本单位不参与该项目建设，确定拒绝？" okText="拒绝" cancelText="取消" onConfirm={() => answer(p, false)}>
                  <Button danger size="small" disabled={busy === p.projectId} aria-label={`拒绝共建 ${p.projectCode}`}>
                    拒绝共建
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
