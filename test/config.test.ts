import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localSecrets, withLocalSecrets } from '../src/db/local-secrets';
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

  it('reads the streaming replicas, and refuses a bad list naming DATABASE_REPLICA_URLS', () => {
    const primary = 'postgres://hub@db:5432/hub';
    expect(loadConfig({ DATABASE_URL: primary }).databaseReplicaUrls).toEqual([]);
    const c = loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://hub@r1:5432/hub, postgresql://hub@r2:5432/hub' });
    expect(c).toMatchObject({
      databaseReplicaUrls: ['postgres://hub@r1:5432/hub', 'postgresql://hub@r2:5432/hub'],
      replicaMaxLagMs: 30_000,
      replicaCheckMs: 1000,
    });
    for (const [list, why] of [
      ['postgres://hub@r1/hub,,postgres://hub@r2/hub', 'entry 2 is empty'],
      ['postgres://hub@r1/hub,mysql://r2/hub', 'entry 2 is not one'],
      ['not a url', 'entry 1 is not one'],
      [primary, 'entry 1 is DATABASE_URL itself'],
      ['postgres://hub@r1/hub,postgres://hub@r1/hub', 'lists entry 2 twice'],
    ]) {
      expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: list })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: list })).toThrow(`DATABASE_REPLICA_URLS`);
      expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: list })).toThrow(why);
    }
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://hub@r1/hub' })).toThrow('DATABASE_REPLICA_URLS needs DATABASE_URL');
    expect(() => loadConfig({ DATABASE_URL: primary, REPLICA_MAX_LAG_MS: 'soon' })).toThrow('REPLICA_MAX_LAG_MS');
    expect(() => loadConfig({ DATABASE_URL: primary, REPLICA_CHECK_MS: '1' })).toThrow('REPLICA_CHECK_MS');
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
    ['TOKEN_MAX_TTL_SECONDS', '10'],
    ['LOGIN_MAX_FAILURES', '0'],
    ['SESSION_COOKIE_SECURE', 'perhaps'],
    ['OIDC_ISSUER', 'https://idp.example'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('requires a real secret or an OIDC issuer in production, saying so', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'production needs JWT_SECRET (at least 32 random characters, e.g. `openssl rand -base64 48`) or the OIDC issuer (OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS): neither is set',
    );
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toMatchObject({ nodeEnv: 'production', cookieSecure: true });
    const sso = loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'hub', OIDC_JWKS: 'https://idp.example/jwks' });
    expect(sso).toMatchObject({ jwtSecret: null, oidc: { issuer: 'https://idp.example', audience: 'hub', jwks: { url: 'https://idp.example/jwks' } } });
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'hub', OIDC_JWKS: 'http://idp.example/jwks' })).toThrow('OIDC_JWKS');
  });

  it('outside production without JWT_SECRET, the token key and the embedded superuser password are random per data folder, kept in it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-secrets-'));
    try {
      const config = loadConfig({ EMBEDDED_PG_DIR: path.join(dir, 'a') });
      expect(config.jwtSecret).toBeNull();
      const a = withLocalSecrets(config);
      const again = withLocalSecrets(config);
      const b = withLocalSecrets(loadConfig({ EMBEDDED_PG_DIR: path.join(dir, 'b') }));
      expect(Buffer.from(a.jwtSecret!).toString()).toBe(Buffer.from(again.jwtSecret!).toString());
      expect(Buffer.from(a.jwtSecret!).toString()).not.toBe(Buffer.from(b.jwtSecret!).toString());
      const file = path.join(dir, 'a', 'catalogue-hub.secrets.json');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const { secrets } = localSecrets(path.join(dir, 'a'));
      expect(secrets.postgresPassword).not.toBe(localSecrets(path.join(dir, 'b')).secrets.postgresPassword);
      expect(fs.readFileSync(path.join(__dirname, '../src/config.ts'), 'utf8')).not.toContain('change-me');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
