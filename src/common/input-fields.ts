import { ArrayMaxSize, IsInt, IsNotEmpty, IsOptional, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, Int } from 'type-graphql';
import { stacked } from './decorators';

/*
 * The input fields many inputs share, each rule with its refusal spelled once: the GraphQL field
 * and its class-validator rules in one decorator. `what` names the field in the refusals
 * (项目 → 项目ID格式无效, 退回理由 → 退回理由不能超过2000个字符).
 */

const described = (description?: string) => (description ? { description } : {});

/** 锁定版本号: the lockVersion read, optional; a stale one is refused with CONFLICT by the service. */
export const LockVersionInput = (): PropertyDecorator =>
  stacked(
    Field(() => Int, { nullable: true, description: '锁定版本号 — the lockVersion read; when given and no longer current, refused with CONFLICT' }),
    IsOptional(),
    IsInt({ message: '锁定版本号须为正整数' }),
    Min(1, { message: '锁定版本号须为正整数' }),
  );

/** The id of a `what` (a uuid); with `optional`, it may be omitted or null. */
export const IdInput = (what: string, options: { description?: string; optional?: boolean } = {}): PropertyDecorator =>
  stacked(
    Field(() => ID, { ...(options.optional ? { nullable: true } : {}), ...described(options.description) }),
    ...(options.optional ? [IsOptional()] : []),
    IsUUID('all', { message: `${what}ID格式无效` }),
  );

/** A list of at most `max` ids of `what`s, optional (null or omitted: unchanged or none). */
export const IdListInput = (what: string, max: number, description?: string): PropertyDecorator =>
  stacked(
    Field(() => [ID], { nullable: true, ...described(description) }),
    IsOptional(),
    ArrayMaxSize(max, { message: `${what}不能超过${max}个` }),
    IsUUID('all', { each: true, message: `${what}ID格式无效` }),
  );

export interface TextRules {
  description?: string;
  /** May be omitted or null. */
  optional?: boolean;
  /** When given, not empty: refused with `${what}不能为空`. */
  notEmpty?: boolean;
  /** Required and at least one character, refused with this message (e.g. 请填写退回理由). */
  fillIn?: string;
  /** The name in the too-long refusal when it is not `what`. */
  tooLongAs?: string;
}

/** A text of at most `max` characters, refused as `${what}不能超过${max}个字符`. */
export const TextInput = (what: string, max: number, rules: TextRules = {}): PropertyDecorator =>
  stacked(
    Field(() => String, { ...(rules.optional ? { nullable: true } : {}), ...described(rules.description) }),
    ...(rules.optional ? [IsOptional()] : []),
    ...(rules.notEmpty ? [IsNotEmpty({ message: `${what}不能为空` })] : []),
    ...(rules.fillIn ? [MinLength(1, { message: rules.fillIn })] : []),
    MaxLength(max, { message: `${rules.tooLongAs ?? what}不能超过${max}个字符` }),
  );
