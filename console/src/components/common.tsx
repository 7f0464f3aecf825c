import { Alert, Button, Col, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColProps, ModalFuncProps, TableProps } from 'antd';
import { ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, gql, onMutation } from '../api';
import { take } from '../early';
import { label } from '../format';

/** A deadline's colour by the days left: overdue red, within 7 days orange, within 30 gold, else green. */
export function DaysLeft({ days, overdue }: { days: number | null | undefined; overdue?: boolean }) {
  if (days === null || days === undefined) return <Tag>—</Tag>;
  if (overdue || days < 0) return <Tag color="red">已逾期 {Math.abs(days)} 天</Tag>;
  if (days === 0) return <Tag color="red">今日到期</Tag>;
  if (days <= 7) return <Tag color="orange">剩 {days} 天</Tag>;
  if (days <= 30) return <Tag color="gold">剩 {days} 天</Tag>;
  return <Tag color="green">剩 {days} 天</Tag>;
}

const STATUS_COLOURS: Record<string, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  PUBLISHED: 'success',
  RETURNED: 'warning',
  RETIRED: 'default',
  MOUNTED: 'success',
  NOT_MOUNTED: 'warning',
  WITHDRAWN: 'default',
  PENDING: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  SUCCEEDED: 'success',
  FAILED: 'error',
};

/** Long text in a table cell, cut to `width` px with an ellipsis; the whole text on hover (so the key columns stay on a 1366 px screen). */
export function Clipped({ text, width, children }: { text: string; width: number; children?: ReactNode }) {
  return (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: width, display: 'inline-block', verticalAlign: 'bottom' }}>
      {children ?? text}
    </Typography.Text>
  );
}

export function StatusTag({ type, value }: { type: string; value: string | null | undefined }) {
  if (!value) return <Tag>—</Tag>;
  return <Tag color={STATUS_COLOURS[value] ?? 'blue'}>{label(type, value)}</Tag>;
}

export function Failure({ error }: { error: unknown }) {
  const message = error instanceof ApiError ? error.message : '加载失败';
  return <Alert type="error" showIcon role="alert" message={message} style={{ marginBottom: 16 }} />;
}

/** A number that grows with each mutation the console sends (api.ts), for what is read again after any change. */
export function useMutationCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => onMutation(() => setCount((n) => n + 1)), []);
  return count;
}

/** Asks before an expert's opinion or result of 不通过 (FAIL) is sent; any other conclusion goes at once. */
export function confirmFail(modal: { confirm: (config: ModalFuncProps) => unknown }, conclusion: string | undefined, send: () => unknown): void {
  if (conclusion !== 'FAIL') return void send();
  modal.confirm({
    title: '确认评审结论为「不通过」？',
    content: '不通过的意见将记入评审记录，请确认后提交。',
    okText: '确认不通过',
    okButtonProps: { danger: true },
    cancelText: '取消',
    onOk: () => send(),
  });
}

/** Runs a query, with loading, error and reload. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useQuery<T = any>(operation: string, variables: Record<string, unknown>) {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  // Only the latest read's answer is shown: an earlier one that arrives after it would show the state before a step.
  const latest = useRef(0);
  const reload = useCallback(() => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    // The first page's query may be under way already (early.ts; null there: it was not asked then).
    const asked = () => gql<T>(operation, JSON.parse(key));
    const started = take<T | null>(`${operation} ${key}`);
    (started ? started.then((d) => d ?? asked()) : asked()).then(
      (data) => mine === latest.current && setState({ data, loading: false }),
      (error) => mine === latest.current && setState({ error, loading: false }),
    );
  }, [operation, key]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

export interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: N }[];
}

/**
 * A table paged by the API's connection: forward by `endCursor`, back by the cursors already
 * seen. `pick` finds the connection in the answer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useConnection<N, T = any>(
  operation: string,
  variables: Record<string, unknown>,
  pick: (data: T) => Connection<N>,
  size = 20,
  /** The pages already turned (their `after` cursors), when the page starts on a later one (from its URL). */
  turned: string[] = [],
) {
  const key = JSON.stringify(variables);
  const [cursors, setCursors] = useState<(string | null)[]>(() => [null, ...turned]);
  const lastKey = useRef(key);
  if (lastKey.current !== key) {
    lastKey.current = key;
    if (cursors.length !== 1) setCursors([null]);
  }
  const after = cursors[cursors.length - 1];
  const q = useQuery<T>(operation, { ...variables, first: size, after });
  const conn = q.data ? pick(q.data) : undefined;
  return {
    ...q,
    conn,
    nodes: conn?.edges.map((e) => e.node) ?? [],
    page: cursors.length,
    /** The `after` cursors of the pages turned to reach this one (none on the first). */
    turned: cursors.slice(1) as string[],
    next: () => conn?.pageInfo.endCursor && setCursors([...cursors, conn.pageInfo.endCursor]),
    prev: () => cursors.length > 1 && setCursors(cursors.slice(0, -1)),
    size,
  };
}

export function PagedTable<N extends object>({
  paged,
  columns,
  rowKey = 'id',
  caption,
  errorShownBeside = false,
  ...rest
}: {
  paged: ReturnType<typeof useConnection<N>>;
  columns: TableProps<N>['columns'];
  rowKey?: string;
  caption?: ReactNode;
  /** The page shows the error beside the field it names: no alert here, and no total of a list that was not read. */
  errorShownBeside?: boolean;
} & Omit<TableProps<N>, 'columns' | 'dataSource' | 'pagination'>) {
  const total = paged.conn?.totalCount ?? 0;
  const from = (paged.page - 1) * paged.size;
  return (
    <div>
      {paged.error && !errorShownBeside ? <Failure error={paged.error} /> : null}
      <Table<N>
        {...rest}
        size="middle"
        rowKey={rowKey}
        columns={columns}
        dataSource={paged.nodes}
        loading={paged.loading}
        pagination={false}
        title={caption ? () => caption : undefined}
        scroll={{ x: 'max-content' }}
      />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
        <span aria-live="polite">
          {paged.error && errorShownBeside ? null : `共 ${total} 条${total ? `，第 ${from + 1}–${from + paged.nodes.length} 条` : ''}`}
        </span>
        <Button onClick={paged.prev} disabled={paged.page <= 1 || paged.loading}>
          上一页
        </Button>
        <Button onClick={paged.next} disabled={!paged.conn?.pageInfo.hasNextPage || paged.loading}>
          下一页
        </Button>
      </Space>
    </div>
  );
}

export const Loading = () => (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin tip="加载中…">
      <div style={{ padding: 24 }} />
    </Spin>
  </div>
);

/** A filter of a list: its label above its control, in a column of the filter row. */
export function FilterCol({ id, title, children, ...col }: { id: string; title: string; children: ReactNode } & ColProps) {
  return (
    <Col {...col}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {title}
      </label>
      {children}
    </Col>
  );
}
