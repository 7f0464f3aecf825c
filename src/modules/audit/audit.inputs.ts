import { IsOptional, IsUUID, registerDecorator, ValidationArguments } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/input-fields';
import { AuditOutcome } from './audit.enums';

/** `to` is later than the filter's `from`: the range [from, to) holds some time (an empty one would silently list nothing). */
function LaterThanFrom(): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'laterThanFrom',
      target: target.constructor,
      propertyName: property as string,
      options: { message: '截止时间须晚于起始时间' },
      validator: {
        validate: (to: unknown, args: ValidationArguments) => {
          const from = (args.object as { from?: unknown }).from;
          return !(to instanceof Date && from instanceof Date) || from.getTime() < to.getTime();
        },
      },
    });
}

@InputType({ description: '审计记录筛选 — which audit entries to list' })
export class AuditEntryFilter {
  @TextInput('操作人', 200, { description: '操作人 — user or service account id', optional: true })
  actor?: string;

  @IdInput('单位', { description: '单位 — the caller’s organisation', optional: true })
  organization?: string;

  @TextInput('对象类型', 100, { description: '对象类型 — e.g. Project, InformationResource, SharingInterface', optional: true })
  targetType?: string;

  @TextInput('对象ID', 200, { description: '对象ID — a UUID; with targetType also the entries that changed rows under it', optional: true })
  @IsUUID('all', { message: '对象ID格式无效（应为 UUID）' })
  targetId?: string;

  @TextInput('操作名', 100, { description: '操作 — the mutation, e.g. projectUpdate', optional: true })
  operation?: string;

  @Field(() => AuditOutcome, { nullable: true })
  @IsOptional()
  outcome?: AuditOutcome;

  @Field({ nullable: true, description: '起（含）— recorded at or after' })
  @IsOptional()
  from?: Date;

  @Field({ nullable: true, description: '止（不含）— recorded before' })
  @IsOptional()
  @LaterThanFrom()
  to?: Date;
}
