import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Payload } from '../../graphql/payload';
import { UserError } from '../../common/user-error';
import { ApiToken } from './api-token.entity';
import { User } from './user.entity';

@ObjectType()
export class UserConnection extends Connection(User) {}

@ObjectType()
export class ApiTokenConnection extends Connection(ApiToken) {}

@ObjectType()
export class UserCreatePayload extends Payload('user', User) {}

@ObjectType()
export class UserUpdatePayload extends Payload('user', User) {}

@ObjectType()
export class ViewerEmailSetPayload extends Payload('user', User) {}

@ObjectType()
export class UserDisablePayload extends Payload('user', User) {}

@ObjectType({ description: '登录凭据 — a short-lived access token and the refresh token that renews it' })
export class SessionTokens {
  @Field({ description: '访问令牌 — send as "Authorization: Bearer <token>"' })
  accessToken: string;

  @Field({ description: '访问令牌到期时间' })
  accessTokenExpiresAt: Date;

  @Field({ description: '刷新令牌 — renews the access token once (sessionRefresh), then a new one is given' })
  refreshToken: string;

  @Field({ description: '会话到期时间 — the refresh token works until then' })
  refreshTokenExpiresAt: Date;

  @Field(() => User)
  user: User;
}

@ObjectType()
export class SessionCreatePayload extends Payload('session', SessionTokens) {}

@ObjectType()
export class SessionRefreshPayload extends Payload('session', SessionTokens) {}

@ObjectType({ description: '注销结果' })
export class SessionRevokePayload {
  @Field({ description: '会话已结束 — true when the session was ended (or had already ended)' })
  revoked: boolean;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: '新建的服务账号令牌 — the secret is in `token`, shown this once only' })
export class ApiTokenCreated {
  @Field({ description: '令牌 — send as "Authorization: Bearer <token>"; the hub keeps only its hash' })
  token: string;

  @Field(() => ApiToken)
  apiToken: ApiToken;
}

@ObjectType()
export class ApiTokenCreatePayload extends Payload('created', ApiTokenCreated) {}

@ObjectType()
export class ApiTokenRevokePayload extends Payload('apiToken', ApiToken) {}
