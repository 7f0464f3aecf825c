import { ConfigError, loadConfig } from '../src/config';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, host: '127.0.0.1', databaseUrl: null, runMigrations: true, seedDemo: true, maxPageSize: 100 });
    // 第九条 完整性、时效性: all six figures, 及时率 at 95%.
    expect(c.acceptanceThresholds).toEqual({ catalogued: 1, metadata: 1, interfaces: 1, mounted: 1, aggregated: 1, timely: 0.95 });
    expect(c.planReviewQuorum).toBe(1); // 第十条
    expect(loadConfig({ PLAN_REVIEW_QUORUM: '3' }).planReviewQuorum).toBe(3);
    expect(c.timelinessGraceHours).toBe(2);
    expect(c).toMatchObject({
      notifyWorker: true,
      notifyDailyCron: '0 8 * * *',
      smtpUrl: null,
      publicUrl: null,
      webhookMaxAttempts: 8,
      interfaceFailingRuns: 3,
    });
  });

  it('reads the reminder settings', () => {
    const c = loadConfig({ SMTP_URL: 'smtps://hub:pw@mail.sucheng.gov.cn:465', PUBLIC_URL: 'https://hub.sucheng.gov.cn/', NOTIFY_DAILY_CRON: '30 7 * * 1-5' });
    expect(c).toMatchObject({ smtpUrl: 'smtps://hub:pw@mail.sucheng.gov.cn:465', publicUrl: 'https://hub.sucheng.gov.cn', notifyDailyCron: '30 7 * * 1-5' });
  });

  it('does not seed a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('parses acceptance thresholds, and "none"', () => {
    expect(loadConfig({ ACCEPTANCE_THRESHOLDS: 'catalogued=0.9, timely=0.5' }).acceptanceThresholds).toEqual({ catalogued: 0.9, timely: 0.5 });
    expect(loadConfig({ ACCEPTANCE_THRESHOLDS: 'none' }).acceptanceThresholds).toEqual({});
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['DATABASE_URL', 'not a url'],
    ['RUN_MIGRATIONS', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['JWT_SECRET', 'short'],
    ['MAX_PAGE_SIZE', '0'],
    ['ACCEPTANCE_THRESHOLDS', 'catalogued=2'],
    ['ACCEPTANCE_THRESHOLDS', 'speed=1'],
    ['ACCEPTANCE_THRESHOLDS', 'catalogued=1,catalogued=0.5'],
    ['TIMELINESS_GRACE_HOURS', '-1'],
    ['SMTP_URL', 'http://mail.example'],
    ['SMTP_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://hub.example'],
    ['NOTIFY_DAILY_CRON', 'every morning'],
    ['NOTIFY_WORKER', 'sometimes'],
    ['WEBHOOK_MAX_ATTEMPTS', '0'],
    ['INTERFACE_FAILING_RUNS', '0'],
    ['PLAN_REVIEW_QUORUM', '0'],
    ['PLAN_REVIEW_QUORUM', 'two'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('requires a real secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).nodeEnv).toBe('production');
  });
});
