import { ArrayMaxSize, ArrayMinSize, IsEmail, IsInt, IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IdInput, TextInput } from '../../common/input-fields';
import { Role } from '../../common/role.enums';

/** Lower-case letters, digits and . _ @ -, starting with a letter or digit, 3 to 64 characters. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,63}$/;
const LOGIN_MESSAGE = '登录名须为 3 至 64 位小写字母、数字或 . _ @ -，以字母或数字开头';

@InputType({ description: '新建用户 — a new user (ADMIN)' })
export class UserCreateInput {
  @Field({ description: '登录名 — sign-in name (stored in lower case)' })
  @Matches(LOGIN_PATTERN, { message: LOGIN_MESSAGE })
  login: string;

  @Field({ description: '姓名 — name, 2-50 characters' })
  @MinLength(2, { message: '姓名不能少于2个字符' })
  @MaxLength(50, { message: '姓名不能超过50个字符' })
  name: string;

  @IdInput('单位', { description: '所属单位 — organisation (required for PROJECT_UNIT)', optional: true })
  organizationId?: string | null;

  @Field(() => [Role], { description: '角色 — one or more roles' })
  @ArrayMinSize(1, { message: '至少需要一个角色' })
  @ArrayMaxSize(7, { message: '角色不能超过7个' })
  roles: Role[];

  @Field(() => String, { nullable: true, description: '初始密码 — initial password (policy: 12+ characters, three kinds); omit for single sign-on only' })
  @IsOptional()
  password?: string | null;

  @TextInput('统一身份认证用户标识', 200, {
    description: '统一身份认证用户标识 — the user’s subject at the OIDC issuer',
    optional: true,
    fillIn: '统一身份认证用户标识不能为空',
  })
  ssoSubject?: string | null;

  @Field(() => String, { nullable: true, description: '提醒邮箱 — the person’s address for the daily reminder digest' })
  @IsOptional()
  @MaxLength(254, { message: '邮箱地址最长254个字符' })
  @IsEmail({}, { message: '邮箱地址格式无效' })
  email?: string | null;
}

@InputType({ description: '修改用户 — changes to a user; omitted fields stay as they are (ADMIN)' })
export class UserUpdateInput {
  @IdInput('用户')
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2, { message: '姓名不能少于2个字符' })
  @MaxLength(50, { message: '姓名不能超过50个字符' })
  name?: string;

  @IdInput('单位', { description: '所属单位; null removes it', optional: true })
  organizationId?: string | null;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少需要一个角色' })
  @ArrayMaxSize(7, { message: '角色不能超过7个' })
  roles?: Role[];

  @Field({ nullable: true, description: '新密码 — a new password: ends every session of the user and lifts a lockout' })
  @IsOptional()
  password?: string;

  @TextInput('统一身份认证用户标识', 200, { description: '统一身份认证用户标识; null removes it', optional: true, fillIn: '统一身份认证用户标识不能为空' })
  ssoSubject?: string | null;

  @Field(() => String, { nullable: true, description: '提醒邮箱 — the person’s address for the daily reminder digest; null removes it' })
  @IsOptional()
  @MaxLength(254, { message: '邮箱地址最长254个字符' })
  @IsEmail({}, { message: '邮箱地址格式无效' })
  email?: string | null;
}

@InputType({ description: '停用用户 — disable a user: every token and session of theirs is refused from the next request (ADMIN)' })
export class UserDisableInput {
  @IdInput('用户')
  id: string;
}

@InputType({ description: '设置本人提醒邮箱 — the signed-in person’s own address for the daily reminder digest' })
export class ViewerEmailSetInput {
  @Field(() => String, { nullable: true, description: '提醒邮箱 — trimmed; null or blank removes it (the digest stops)' })
  @IsOptional()
  @MaxLength(254, { message: '邮箱地址最长254个字符' })
  @IsEmail({}, { message: '邮箱地址格式无效' })
  email?: string | null;
}

@InputType({ description: '登录 — sign in with a password' })
export class SessionCreateInput {
  @TextInput('登录名', 64, { description: '登录名', fillIn: '请输入登录名' })
  login: string;

  @TextInput('密码', 128, { description: '密码', fillIn: '请输入密码' })
  password: string;
}

@InputType({ description: '刷新或注销 — a refresh token from sessionCreate or sessionRefresh' })
export class SessionRefreshInput {
  @Field({ description: '刷新令牌 — the refresh token' })
  @MinLength(1, { message: '请提供刷新令牌' })
  @MaxLength(200, { message: '刷新令牌格式无效' })
  refreshToken: string;
}

@InputType({ description: '新建服务账号令牌 — an API token for a service account (ADMIN)' })
export class ApiTokenCreateInput {
  @Field({ description: '名称 — what it is for, e.g. 市共享交换平台' })
  @MinLength(2, { message: '名称不能少于2个字符' })
  @MaxLength(100, { message: '名称不能超过100个字符' })
  name: string;

  @Field(() => Role)
  role: Role;

  @IdInput('单位', { description: '所属单位 — organisation (required for PROJECT_UNIT)', optional: true })
  organizationId?: string | null;

  @Field(() => Int, { description: '有效天数 — days until it expires, 1 to API_TOKEN_MAX_DAYS' })
  @IsInt({ message: '有效天数须为整数' })
  @Min(1, { message: '有效天数至少为1天' })
  @Max(3660, { message: '有效天数过长' })
  expiresInDays: number;
}

@InputType({ description: '吊销服务账号令牌 — revoke an API token (ADMIN)' })
export class ApiTokenRevokeInput {
  @IdInput('令牌')
  id: string;
}
