import { Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsNotEmpty, IsUUID, MaxLength } from 'class-validator';
import { Role } from '../../common/role.enums';

@InputType({ description: "新建回调地址 — register a webhook for the caller's organisation" })
export class WebhookCreateInput {
  @Field({ description: '地址 — http(s) URL that accepts POSTed JSON, at most 500 characters' })
  @IsNotEmpty({ message: '请填写回调地址' })
  @MaxLength(500, { message: '回调地址最长500个字符' })
  url: string;

  @Field(() => Role, { nullable: true, description: "接收角色 — whose events (default: the caller's project-unit or office role)" })
  role?: Role | null;
}

@InputType({ description: '删除回调地址 — remove a webhook; its delivery log is kept' })
export class WebhookDeleteInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id 格式无效' })
  id: string;
}

@InputType({ description: "设置提醒邮箱 — the caller's organisation's address for the daily digest (per role)" })
export class NotificationEmailSetInput {
  @Field({ description: '邮箱地址 — e-mail address' })
  @MaxLength(254, { message: '邮箱地址最长254个字符' })
  @IsEmail({}, { message: '邮箱地址格式无效' })
  address: string;

  @Field(() => Role, { nullable: true, description: "接收角色 — whose events (default: the caller's project-unit or office role)" })
  role?: Role | null;
}
