/**
 * Outside production, the hub's secrets are random per data folder: the HS256 key of its access
 * tokens and the embedded PostgreSQL superuser's password, generated at first start and kept in
 * `<EMBEDDED_PG_DIR>/catalogue-hub.secrets.json` (mode 0600). No secret is a constant in the code,
 * so a token forged with one written in the source opens nothing. In production JWT_SECRET (or
 * an OIDC issuer) is required instead (config.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

export const SECRETS_FILE = 'catalogue-hub.secrets.json';

export interface LocalSecrets {
  /** base64url of 48 random bytes. */
  jwtSecret: string;
  /** base64url of 24 random bytes. */
  postgresPassword: string;
}

export const secretsPath = (dataDir: string) => path.join(dataDir, SECRETS_FILE);

function valid(s: unknown): s is LocalSecrets {
  const x = s as Partial<LocalSecrets> | null;
  return typeof x?.jwtSecret === 'string' && x.jwtSecret.length >= 32 && typeof x.postgresPassword === 'string' && x.postgresPassword.length >= 16;
}

export function writeSecrets(dataDir: string, secrets: LocalSecrets): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(secretsPath(dataDir), `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}

/**
 * The data folder's secrets; made (and written) when it has none. `created` tells a first start.
 * Two processes starting on one new folder at once may both write: the file is written whole and
 * the one that the embedded PostgreSQL was initialised with is the one kept (startEmbedded).
 */
export function localSecrets(dataDir: string): { secrets: LocalSecrets; created: boolean } {
  const file = secretsPath(dataDir);
  if (fs.existsSync(file)) {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!valid(parsed)) throw new Error(`${file} is not a secrets file of catalogue-hub (jwtSecret, postgresPassword): move it away to make new secrets`);
    return { secrets: parsed, created: false };
  }
  const secrets = { jwtSecret: randomBytes(48).toString('base64url'), postgresPassword: randomBytes(24).toString('base64url') };
  writeSecrets(dataDir, secrets);
  return { secrets, created: true };
}

/** The config with the data folder's token key when JWT_SECRET is not set (never in production). */
export function withLocalSecrets(config: Config): Config {
  if (config.jwtSecret || config.nodeEnv === 'production') return config;
  return { ...config, jwtSecret: new TextEncoder().encode(localSecrets(config.embeddedPgDir).secrets.jwtSecret) };
}
