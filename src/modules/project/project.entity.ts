import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, OneToMany, Relation, VersionColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, LockVersionColumn, NullableInstant, NullableText, RestrictedReference, UpdatedAtColumn } from '../../common/columns';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { Organization } from '../organization';
import { ConstructionPlan } from './construction-plan.embedded';
import { CloudDeployment, ProjectCategory, ProjectStatus } from './project.enums';
import { ProjectBudgetYear } from './project-budget-year.entity';

export const PROJECT_CODE_KEY = 'project_code_key';

@ObjectType({ description: '政务信息化项目 — a government IT project (第二条)' })
@Entity()
export class Project {
  @IdColumn()
  id: string;

  @LockVersionColumn()
  lockVersion: number;

  @Field({ description: '项目编号 — project code, unique, e.g. SC-2027-0012' })
  @Index(PROJECT_CODE_KEY, { unique: true })
  @Column({ length: 32 })
  code: string;

  @Field({ description: '项目名称 — name' })
  @Column({ length: 200 })
  name: string;

  /** 牵头单位; exposed as `Project.leadUnit`. */
  @RestrictedReference(() => Organization)
  leadUnit: Relation<Organization>;

  @Index()
  @Column('uuid')
  leadUnitId: string;

  // 共建单位 (第八条、第十四条) are rows of ProjectCoBuildingUnit; exposed as `Project.coBuildingUnits` (accepted) and `Project.coBuilding`.

  @Field({ description: '跨部门、跨领域共建共享 — cross-department project (第八条、第十四条)' })
  @Column({ default: false })
  crossDepartment: boolean;

  @Field(() => ProjectCategory)
  @Column({ type: 'enum', enum: ProjectCategory, enumName: 'project_category' })
  category: ProjectCategory;

  /** 升级的原项目 (第二十八条); exposed as `Project.upgradesProject`. */
  @RestrictedReference(() => Project, { nullable: true })
  upgradesProject: Relation<Project> | null;

  @Column({ type: 'uuid', nullable: true })
  upgradesProjectId: string | null;

  @Field(() => Int, { description: '计划年度 — plan year' })
  @Index()
  @Column('int')
  planYear: number;

  @Field(() => Int, { nullable: true, description: '建设工期起始年度 — first year of construction (第八条 建设工期)' })
  @Column({ type: 'int', nullable: true })
  constructionStartYear: number | null;

  @Field(() => Int, { nullable: true, description: '建设工期结束年度 — last year of construction (第八条 建设工期)' })
  @Column({ type: 'int', nullable: true })
  constructionEndYear: number | null;

  @Field(() => DecimalScalar, { description: '总预算（元）— total budget in yuan (第八条)' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  totalBudget: string;

  /** 分年度预算: a GraphQL field of its own (ProjectResolver.budgetYears, by the per-request loader); not loaded with the project. */
  @OneToMany(() => ProjectBudgetYear, (b) => b.project, { cascade: true })
  budgetYears: Relation<ProjectBudgetYear[]>;

  @Field(() => String, { nullable: true, description: '资金来源 — funding source (第八条、第二十三条)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  fundingSource: string | null;

  @Field(() => ConstructionPlan, { description: '建设方案 — construction scheme (第八条)' })
  @Column(() => ConstructionPlan, { prefix: 'plan' })
  plan: ConstructionPlan;

  @Field(() => CloudDeployment, { description: '部署方式 — deployment (第十六条)' })
  @Column({ type: 'enum', enum: CloudDeployment, enumName: 'cloud_deployment', default: CloudDeployment.DISTRICT_GOV_CLOUD })
  cloudDeployment: CloudDeployment;

  @NullableText('不使用区政务云的理由 — why not the district government cloud (第十六条)')
  cloudReason: string | null;

  @Field(() => ProjectStatus)
  @Index()
  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status', default: ProjectStatus.DRAFT })
  status: ProjectStatus;

  @NullableInstant('申报时间 — when declared (第七条)')
  declaredAt: Date | null;

  @NullableInstant('列入年度计划时间 — when approved (第十条)')
  approvedAt: Date | null;

  @NullableText('未通过评审的理由 — reason of rejection')
  rejectionReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: '上线运行日期 — go-live date (第二十四条)' })
  @Column({ type: 'date', nullable: true })
  goLiveDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: '试运行结束日期 — end of trial operation (第二十五条)' })
  @Column({ type: 'date', nullable: true })
  trialEndDate: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Optimistic lock: two writers of one project cannot overwrite each other unseen. */
  @VersionColumn()
  rowVersion: number;
}
