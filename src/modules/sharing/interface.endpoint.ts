import { UserErrorCode } from '../../common/user-error';
import { INTERFACE_KIND_LABEL, InterfaceKind } from './sharing.enums';

/**
 * What an interface's endpoint may look like, by kind: an http(s) URL for REST and web services,
 * a DSN for database sync, an sftp/ftps URL for file transfer, a broker URL for message queues;
 * never with a password in it (第十九条: credentials go through the platform, not the catalogue).
 */

const DSN_SCHEMES = [
  'postgresql',
  'postgres',
  'mysql',
  'mariadb',
  'oracle',
  'sqlserver',
  'mssql',
  'dm',
  'kingbase',
  'kingbase8',
  'opengauss',
  'gbase',
  'oscar',
];

const SCHEMES: Record<InterfaceKind, { schemes: string[]; jdbc?: boolean; example: string }> = {
  [InterfaceKind.REST_API]: { schemes: ['http', 'https'], example: 'https://api.example.gov.cn/v1/items' },
  [InterfaceKind.WEB_SERVICE]: { schemes: ['http', 'https'], example: 'https://ws.example.gov.cn/service?wsdl' },
  [InterfaceKind.DATABASE_SYNC]: { schemes: DSN_SCHEMES, jdbc: true, example: 'postgresql://10.0.0.5:5432/db 或 jdbc:mysql://10.0.0.5:3306/db' },
  [InterfaceKind.FILE_TRANSFER]: { schemes: ['sftp', 'ftps'], example: 'sftp://files.example.gov.cn:22/outbox' },
  [InterfaceKind.MESSAGE_QUEUE]: { schemes: ['amqp', 'amqps', 'mqtt', 'mqtts', 'kafka', 'nats'], example: 'kafka://10.0.0.7:9092/topic' },
};

export interface EndpointProblem {
  code: UserErrorCode;
  message: string;
  article?: string;
}

/** A password in a URL's user info, an Oracle `user/pass@`, or a password parameter. */
function carriesPassword(endpoint: string): boolean {
  if (/:\/\/[^/?#@]*:[^/?#@]*@/.test(endpoint)) return true;
  if (/^jdbc:oracle:[a-z]+:[^@/]+\/[^@]*@/i.test(endpoint)) return true;
  return /[?&;](password|passwd|pwd|pass)=/i.test(endpoint);
}

/** True when `endpoint` is `<scheme>://<host>…` with one of `schemes`. */
function hostUrl(endpoint: string, schemes: string[]): boolean {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(endpoint);
  if (!m || !schemes.includes(m[1].toLowerCase())) return false;
  try {
    return new URL(endpoint).hostname !== '';
  } catch {
    return false;
  }
}

/** null when the endpoint suits the kind, else what is wrong. */
export function endpointProblem(kind: InterfaceKind, endpoint: string): EndpointProblem | null {
  const rule = SCHEMES[kind];
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\s\u0000-\u001f]/.test(endpoint)) return { code: UserErrorCode.INVALID, message: `访问地址不能包含空白或控制字符，应如 ${rule.example}` };
  // 第十九条: no credentials in the sharing list; they are exchanged through the platform.
  if (carriesPassword(endpoint)) {
    return { code: UserErrorCode.RULE_VIOLATION, message: '访问地址不能包含口令（如 user:password@），请通过共享交换平台交换凭据', article: '第十九条' };
  }
  const ok = hostUrl(endpoint, rule.schemes) || (rule.jdbc === true && /^jdbc:[a-z0-9]+:\S+$/i.test(endpoint));
  if (ok) return null;
  return { code: UserErrorCode.INVALID, message: `${INTERFACE_KIND_LABEL[kind]}的访问地址格式无效，应如 ${rule.example}` };
}
