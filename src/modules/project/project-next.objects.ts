import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { Role } from '../../common/role.enums';

@ObjectType({ description: "下一步 — a step the project's status allows now, who takes it, and what it still lacks" })
export class ProjectNextAction {
  @Field({ description: '执行该步的变更 — the mutation that takes the step, e.g. projectDeclare' })
  mutation: string;

  @Field({ description: '步骤名称 — the step in Chinese' })
  label: string;

  @Field(() => Role, { description: '执行角色 — the role that takes it' })
  role: Role;

  @Field(() => String, { nullable: true, description: '依据条款 — the article that allows it' })
  article: string | null;

  @Field(() => [UserError], { description: "尚缺 — what the step's rules would refuse today, with their articles; empty when it can be taken" })
  missing: UserError[];
}
