import { Badge, Button, Layout, Menu, Result, Space, Tag, Typography } from 'antd';
import { lazy, ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError, gql, SessionUser, sessionUser, signOut, whenSignedOut } from './api';
import { Failure, Loading, useMutationCount } from './components/common';
import { PersonalSettings } from './components/PersonalSettings';
import { firstData, take } from './early';
import { label } from './format';
import { match, useRoute } from './router';
import { hasRole, SessionContext, Viewer } from './session';

// Every page but the first one a role sees is fetched when opened.
const Dashboard = lazy(() => import('./pages/Dashboard'));
const OrganizationPage = lazy(() => import('./pages/OrganizationPage'));
const Catalogue = lazy(() => import('./pages/Catalogue'));
const ResourcePage = lazy(() => import('./pages/ResourcePage'));
const ResourceForm = lazy(() => import('./pages/ResourceForm'));
const ReviewQueue = lazy(() => import('./pages/ReviewQueue'));
const Projects = lazy(() => import('./pages/Projects'));
const ProjectPage = lazy(() => import('./pages/ProjectPage'));
const ProjectForm = lazy(() => import('./pages/ProjectForm'));
const SharingRequests = lazy(() => import('./pages/SharingRequests'));
const Deadlines = lazy(() => import('./pages/Deadlines'));
const Rectifications = lazy(() => import('./pages/Rectifications'));
const AcceptanceList = lazy(() => import('./pages/AcceptanceList'));
const AcceptancePage = lazy(() => import('./pages/AcceptancePage'));
const Interfaces = lazy(() => import('./pages/Interfaces'));
const Gaps = lazy(() => import('./pages/GapsPage'));
const Todos = lazy(() => import('./pages/Todos'));
const AuditLog = lazy(() => import('./pages/AuditLog'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
// The sign-in form too: a signed-in visit never needs it (nor its Form).
const Login = lazy(() => import('./pages/Login').then((m) => ({ default: m.Login })));

const OVERSIGHT = ['BIG_DATA_BUREAU', 'LEADING_GROUP_OFFICE', 'EXPERT', 'AUDITOR', 'ADMIN'];

interface Entry {
  key: string;
  text: string;
  roles: string[];
}

/** The menu, by role, in the order each role works. */
const MENU: Entry[] = [
  { key: '/todos', text: '我的待办', roles: ['BIG_DATA_BUREAU', 'LEADING_GROUP_OFFICE', 'EXPERT', 'PROJECT_UNIT', 'AUDITOR', 'ADMIN', 'PLATFORM'] },
  { key: '/dashboard', text: '完整性看板', roles: [...OVERSIGHT, 'PROJECT_UNIT'] },
  { key: '/gaps', text: '缺口清单', roles: [...OVERSIGHT, 'PROJECT_UNIT'] },
  { key: '/review', text: '审核队列', roles: ['BIG_DATA_BUREAU'] },
  { key: '/projects', text: '项目', roles: [...OVERSIGHT, 'PROJECT_UNIT'] },
  { key: '/acceptance', text: '竣工验收', roles: ['LEADING_GROUP_OFFICE', 'EXPERT', 'AUDITOR', 'BIG_DATA_BUREAU'] },
  { key: '/catalogue', text: '资源目录', roles: [...OVERSIGHT, 'PROJECT_UNIT', 'PLATFORM'] },
  { key: '/interfaces', text: '共享接口与挂接', roles: ['BIG_DATA_BUREAU', 'PLATFORM', 'PROJECT_UNIT', 'AUDITOR'] },
  { key: '/requests', text: '共享申请', roles: [...OVERSIGHT, 'PROJECT_UNIT'] },
  { key: '/deadlines', text: '期限', roles: [...OVERSIGHT, 'PROJECT_UNIT'] },
  { key: '/rectifications', text: '整改跟踪', roles: ['LEADING_GROUP_OFFICE'] },
  { key: '/audit', text: '审计日志', roles: ['AUDITOR', 'BIG_DATA_BUREAU', 'LEADING_GROUP_OFFICE'] },
];

/** Where a role lands after signing in. */
function home(viewer: Viewer): string {
  if (hasRole(viewer, 'BIG_DATA_BUREAU', 'AUDITOR', 'ADMIN')) return '/dashboard';
  if (hasRole(viewer, 'PROJECT_UNIT')) return '/projects';
  // The office and the experts work from what waits for them: plans and applications to review or decide (第六条、第十条、第二十五条).
  if (hasRole(viewer, 'LEADING_GROUP_OFFICE', 'EXPERT')) return '/todos';
  return '/catalogue';
}

const ROUTES: [string, (p: Record<string, string>) => ReactNode][] = [
  ['/dashboard', () => <Dashboard />],
  ['/todos', () => <Todos />],
  ['/gaps', () => <Gaps />],
  ['/organizations/:id', (p) => <OrganizationPage id={p.id} />],
  ['/catalogue', () => <Catalogue />],
  ['/resources/new', () => <ResourceForm />],
  ['/resources/:id/edit', (p) => <ResourceForm id={p.id} />],
  ['/resources/:id', (p) => <ResourcePage id={p.id} />],
  ['/review', () => <ReviewQueue />],
  ['/projects', () => <Projects />],
  ['/projects/new', () => <ProjectForm />],
  ['/projects/:code/edit', (p) => <ProjectForm code={p.code} />],
  ['/projects/:code/import', (p) => <ImportPage code={p.code} />],
  ['/projects/:code', (p) => <ProjectPage code={p.code} />],
  ['/acceptance', () => <AcceptanceList />],
  ['/acceptance/:code', (p) => <AcceptancePage code={p.code} />],
  ['/interfaces', () => <Interfaces />],
  ['/requests', () => <SharingRequests />],
  ['/deadlines', () => <Deadlines />],
  ['/rectifications', () => <Rectifications />],
  ['/audit', () => <AuditLog />],
];

function Page({ viewer }: { viewer: Viewer }) {
  const { path, go } = useRoute();
  useEffect(() => {
    if (path === '/' || path === '') go(home(viewer));
  }, [path, viewer, go]);
  for (const [pattern, render] of ROUTES) {
    const params = match(pattern, path);
    if (params) return <Suspense fallback={<Loading />}>{render(params)}</Suspense>;
  }
  return <Result status="404" title="没有这个页面" extra={<Button onClick={() => go(home(viewer))}>回到首页</Button>} />;
}

/** The count of the caller's to-dos, refreshed when the page changes and after every mutation. */
function TodoBadge() {
  const { path, go } = useRoute();
  const [count, setCount] = useState<number | null>(null);
  const changes = useMutationCount();
  useEffect(() => {
    // After the first page's own data (early.ts): the count must not hold up the page; again after every change.
    void firstData
      .then(() => gql<{ todoItems: { allCount: number } }>('TodoCount'))
      .then(
        (d) => setCount(d.todoItems.allCount),
        () => setCount(null),
      );
  }, [path, changes]);
  if (count === null) return null;
  return (
    <Badge count={count} overflowCount={999} size="small">
      <Button size="small" type="text" style={{ color: '#fff' }} onClick={() => go('/todos')} aria-label={`我的待办：${count} 项`}>
        待办
      </Button>
    </Badge>
  );
}

export function App() {
  const { path, go } = useRoute();
  const [state, setState] = useState<{ viewer?: Viewer; error?: unknown; checked: boolean; notice?: string }>({ checked: false });
  const load = useCallback(async () => {
    // Without a session the sign-in form shows at once (no request is refused first). On the first
    // load the answers main.tsx asked for before the shell was parsed are taken (early.ts).
    const user = take<SessionUser | null>('session');
    const viewer = take<{ viewer: Viewer } | null>('Viewer');
    if (!(await (user ?? sessionUser()))) return setState({ checked: true });
    const asked = () => gql<{ viewer: Viewer }>('Viewer');
    (viewer ? viewer.then((v) => v ?? asked()) : asked()).then(
      ({ viewer }) => setState({ viewer, checked: true }),
      (error) => setState({ checked: true, error: error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? undefined : error }),
    );
  }, []);
  useEffect(() => {
    whenSignedOut(() => setState((s) => (s.viewer ? { checked: true, notice: '登录已过期，请重新登录' } : s)));
    void load();
  }, [load]);

  if (!state.checked) return <Loading />;
  if (state.error) return <Failure error={state.error} />;
  if (!state.viewer) {
    return (
      <Suspense fallback={<Loading />}>
        <Login
          notice={state.notice}
          onSignedIn={() => {
            setState({ checked: false });
            void load();
            go('/');
          }}
        />
      </Suspense>
    );
  }
  const viewer = state.viewer;
  const items = MENU.filter((m) => hasRole(viewer, ...m.roles)).map((m) => ({
    key: m.key,
    label: (
      <a href={`/console${m.key}`} onClick={(e) => e.preventDefault()}>
        {m.text}
      </a>
    ),
  }));
  const selected = MENU.map((m) => m.key).filter((k) => path.startsWith(k) || (k === '/projects' && path.startsWith('/projects')));
  const leave = async () => {
    await signOut();
    setState({ checked: true });
    go('/');
  };
  return (
    <SessionContext.Provider value={{ viewer, signOut: leave }}>
      <a className="hub-skip" href="#main">
        跳到正文
      </a>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 20 }}>
          <span className="hub-brand">宿城区政务信息资源目录管理平台</span>
          <span style={{ flex: 1 }} />
          <Space style={{ color: '#fff' }} size="small">
            <TodoBadge />
            <span>{viewer.organization?.name ?? '平台'}</span>
            {viewer.name ? <span data-testid="viewer-name">{viewer.name}</span> : null}
            {viewer.roles.map((r) => (
              <Tag key={r} color="blue">
                {label('Role', r)}
              </Tag>
            ))}
            <PersonalSettings email={viewer.email} saved={(email) => setState((s) => (s.viewer ? { ...s, viewer: { ...s.viewer, email } } : s))} />
            <Button size="small" onClick={leave}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout>
          <Layout.Sider width={184} theme="light" breakpoint="lg" collapsedWidth={0}>
            <nav aria-label="主菜单">
              <Menu mode="inline" selectedKeys={selected} items={items} onClick={({ key }) => go(key)} style={{ borderInlineEnd: 0 }} />
            </nav>
          </Layout.Sider>
          <Layout.Content id="main" style={{ padding: 20, minWidth: 0 }}>
            <Page viewer={viewer} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
              时间均为北京时间。依据《宿城区政务信息化项目建设管理办法》（宿区政办发〔2023〕6号）。
            </Typography.Paragraph>
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  );
}
