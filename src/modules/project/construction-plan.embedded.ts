import { InputType, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { NullableText } from '../../common/columns';

const MAX = 20000;
const too = (name: string) => ({ message: `${name}不能超过${MAX}个字符` });

/**
 * 项目建设方案的基本内容 (第八条). Stored in the project's own row; every section must be present
 * before the project is declared. The resource catalogue and the sharing analysis (第九条) are
 * the project's resources and interfaces, not text here.
 */
@ObjectType({ description: '建设方案 — construction scheme sections (第八条)' })
@InputType('ConstructionPlanInput', { description: '建设方案 — construction scheme sections (第八条); omitted sections stay as they are' })
export class ConstructionPlan {
  @NullableText('建设背景依据 — background and basis')
  @IsOptional()
  @MaxLength(MAX, too('建设背景依据'))
  background?: string | null;

  @NullableText('必要性和可行性 — necessity and feasibility')
  @IsOptional()
  @MaxLength(MAX, too('必要性和可行性'))
  necessity?: string | null;

  @NullableText('建设目标 — goals')
  @IsOptional()
  @MaxLength(MAX, too('建设目标'))
  goals?: string | null;

  @NullableText('建设内容 — content')
  @IsOptional()
  @MaxLength(MAX, too('建设内容'))
  content?: string | null;

  @NullableText('建设工期 — schedule')
  @IsOptional()
  @MaxLength(MAX, too('建设工期'))
  schedule?: string | null;

  @NullableText('网络安全体系 — network security system (第四条、第十九条)')
  @IsOptional()
  @MaxLength(MAX, too('网络安全体系'))
  securitySystem?: string | null;

  @NullableText('软硬件配置 — software and hardware configuration (第二十一条)')
  @IsOptional()
  @MaxLength(MAX, too('软硬件配置'))
  configuration?: string | null;

  @NullableText('项目特色 — highlights')
  @IsOptional()
  @MaxLength(MAX, too('项目特色'))
  highlights?: string | null;

  @NullableText('创新应用场景 — innovative application scenarios')
  @IsOptional()
  @MaxLength(MAX, too('创新应用场景'))
  scenarios?: string | null;
}

/** Section key → its Chinese name, in the order of 第八条. */
export const PLAN_SECTIONS: Record<keyof ConstructionPlan, string> = {
  background: '建设背景依据',
  necessity: '必要性和可行性',
  goals: '建设目标',
  content: '建设内容',
  schedule: '建设工期',
  securitySystem: '网络安全体系',
  configuration: '软硬件配置',
  highlights: '项目特色',
  scenarios: '创新应用场景',
};
