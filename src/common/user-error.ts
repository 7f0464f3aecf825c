import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Stable English codes of the refusals a caller can act on; the message says it in Chinese. */
export enum UserErrorCode {
  REQUIRED = 'REQUIRED',
  INVALID = 'INVALID',
  TOO_LONG = 'TOO_LONG',
  TOO_SHORT = 'TOO_SHORT',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  INVALID_CREDIT_CODE = 'INVALID_CREDIT_CODE',
  DUPLICATE = 'DUPLICATE',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ALLOWED = 'NOT_ALLOWED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  RULE_VIOLATION = 'RULE_VIOLATION',
  NOT_NEEDED = 'NOT_NEEDED',
  CONFLICT = 'CONFLICT',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: '用户错误代码 — stable code of a refusal the caller can correct',
  valuesConfig: {
    REQUIRED: { description: '必填 — a required value is missing' },
    INVALID: { description: '格式或取值无效 — malformed or not an allowed value' },
    TOO_LONG: { description: '超长 — longer than allowed' },
    TOO_SHORT: { description: '过短 — given, but shorter than allowed' },
    OUT_OF_RANGE: { description: '超出范围 — a number or date outside its range' },
    INVALID_CREDIT_CODE: { description: '统一社会信用代码无效 — fails GB 32100' },
    DUPLICATE: { description: '重复 — a unique value already in use' },
    NOT_FOUND: { description: '不存在 — a referenced object does not exist' },
    NOT_ALLOWED: { description: '无权操作此对象 — the caller may not act on this object' },
    INVALID_TRANSITION: { description: '状态不允许 — not allowed from the current status' },
    RULE_VIOLATION: { description: '违反管理办法 — refused by a rule of the regulation (see article)' },
    NOT_NEEDED: { description: '无需办理 — nothing to do, e.g. an unconditionally shared resource needs no sharing request' },
    CONFLICT: { description: '版本冲突 — the object changed since the caller read it (a stale version); read it again' },
    WEAK_PASSWORD: { description: '密码不符合策略 — the password breaks the password policy (第十九条)' },
    INVALID_CREDENTIALS: { description: '登录名或密码不正确 — sign-in refused (or the account is disabled)' },
    ACCOUNT_LOCKED: { description: '账号已锁定 — too many failed sign-ins; try again later (第十九条)' },
  },
});

@ObjectType({ description: '用户错误 — a refusal the caller can correct; nothing was written' })
export class UserError {
  @Field(() => UserErrorCode)
  code: UserErrorCode;

  @Field(() => [String], { nullable: true, description: '出错字段路径 — path to the input field, e.g. ["input", "creditCode"]' })
  field?: string[];

  @Field({ description: '错误说明（中文）— human-readable message in Chinese' })
  message: string;

  @Field({ nullable: true, description: '依据条款 — the article of the regulation a rule refusal comes from, e.g. 第九条' })
  article?: string;
}

export function userError(code: UserErrorCode, message: string, field?: string[], article?: string): UserError {
  return Object.assign(new UserError(), { code, message, field, article });
}

/** Thrown inside a service's transaction to refuse the whole mutation; becomes the payload's userErrors. */
export class UserErrorsException extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export function refuse(code: UserErrorCode, message: string, field?: string[], article?: string): never {
  throw new UserErrorsException([userError(code, message, field, article)]);
}
