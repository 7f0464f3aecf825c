import { ArrayMaxSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/input-fields';
import { DateScalar } from '../../graphql/scalars';
import { AcceptanceDocumentKind, AcceptanceResult } from './acceptance.enums';

/** At most one document of each kind. */
const MAX_DOCUMENTS = Object.keys(AcceptanceDocumentKind).length;
const MAX_REASON = 2000;

@InputType({ description: '验收材料（引用）— a document of the acceptance materials, by reference' })
export class AcceptanceDocumentInput {
  @Field(() => AcceptanceDocumentKind)
  kind: AcceptanceDocumentKind;

  @TextInput('材料标题', 200, { description: '标题 — title, at most 200 characters', notEmpty: true })
  title: string;

  @TextInput('文件名', 255, { description: '文件名 — file name, at most 255 characters', notEmpty: true })
  fileName: string;

  @Field({ description: '文件 SHA-256（64位十六进制，不区分大小写，存为小写）— SHA-256 of the file, 64 hex digits, stored lower-case' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'SHA-256 须为64位十六进制数字' })
  sha256: string;

  @Field(() => String, { nullable: true, description: '存放地址（http 或 https）— where the file can be fetched, http(s), at most 500 characters' })
  @IsOptional()
  @MaxLength(500, { message: '存放地址不能超过500个字符' })
  @Matches(/^https?:\/\/[^\s/?#]+[^\s]*$/i, { message: '存放地址须为 http 或 https 网址' })
  url?: string | null;
}

@InputType({ description: '申请竣工验收 — apply for acceptance after trial operation (第二十四条、第二十五条)' })
export class AcceptanceApplyInput {
  @IdInput('项目')
  projectId: string;

  @Field(() => [AcceptanceDocumentInput], {
    description: '竣工验收申请报告材料：项目建设总结、财务报告、信息资源共享目录、第三方机构网络安全检测评估报告 — the four items of 第二十五条',
  })
  @ArrayMaxSize(MAX_DOCUMENTS, { message: `材料不能超过${MAX_DOCUMENTS}份` })
  @ValidateNested({ each: true })
  documents: AcceptanceDocumentInput[];
}

@InputType({ description: '登记验收结论 — record the result of the acceptance (第二十六条)' })
export class AcceptanceRecordResultInput {
  @IdInput('验收申请')
  applicationId: string;

  @Field(() => AcceptanceResult)
  result: AcceptanceResult;

  @Field(() => DateScalar, { description: '验收日期 — acceptance date: not before the application, not in the future' })
  acceptedOn: string;

  @Field(() => [AcceptanceDocumentInput], {
    description: '竣工验收报告材料：通过时须有信息资源共享清单、软硬件产品网络安全可控资料、技术开发文档（第二十六条），可附密码应用安全性评估报告（第二十条）',
  })
  @ArrayMaxSize(MAX_DOCUMENTS, { message: `材料不能超过${MAX_DOCUMENTS}份` })
  @ValidateNested({ each: true })
  documents: AcceptanceDocumentInput[];

  @Field(() => String, {
    nullable: true,
    description: '低于完整性阈值仍予通过的理由 — why it passes below the completeness thresholds (第九条); only with PASSED; not blank',
  })
  @IsOptional()
  @MaxLength(MAX_REASON, { message: `理由不能超过${MAX_REASON}个字符` })
  overrideReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '上线运行未满三个月即验收的理由 — why the acceptance is held before three months of operation (第二十四条 原则上); required when acceptedOn is earlier; not blank',
  })
  @IsOptional()
  @MaxLength(MAX_REASON, { message: `理由不能超过${MAX_REASON}个字符` })
  earlyAcceptanceReason?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      '整改期限 — with PASSED below the thresholds and its overrideReason: in the same step, order the project to rectify the figures below them by this date (第三十三条)',
  })
  rectificationDueOn?: string | null;
}

@InputType({ description: '验收备案 — record the filing of the acceptance report (第二十六条)' })
export class AcceptanceFileInput {
  @IdInput('验收申请')
  applicationId: string;

  @Field(() => DateScalar, { description: '备案日期 — filing date: not before the acceptance, not in the future' })
  filedOn: string;
}
