/**
 * Loads the demo projects and their catalogues through the hub's own services, acting as the
 * people who would do it (project unit, big-data bureau, leading-group office, platform), so that
 * every seeded object passed the same rules as one entered through the API.
 */
import { DataSource } from 'typeorm';
import type { RequestContext } from '../src/common/request-context';
import { Role } from '../src/common/role.enums';
import {
  DataGrade,
  FREQUENCY_ORDER,
  OpenType,
  ResourceFormat,
  SharingMethod,
  SharingType,
  UpdateFrequency,
  CATALOGUE_CLASS_DIGIT,
  DataItemInput,
  ResourceCreateInput,
  ResourceIdInput,
  ResourceReturnInput,
  ResourceUpdateInput,
  DataItemType,
} from '../src/modules/catalogue';
import { ConstructionPlan, ProjectStatus, Project } from '../src/modules/project';
import * as P from '../src/modules/project';
import { InterfaceKind, InterfaceMountInput, InterfaceRegisterInput, InterfaceWithdrawInput } from '../src/modules/sharing';
import type { Services } from '../src/services';
import { DEMO_PROJECTS, DemoProject, DemoResource, demoPlan } from './projects.data';
import { shanghaiDateOf } from '../src/common/dates';
import { asExpert, demoActors, demoExperts, make, ok } from './acting';
import { ExpertAssignInput, ExpertConclusion, ExpertOpinionRecordInput } from '../src/modules/review';

/** Spreads sharing, openness, frequency, grade and method over every value, within the rules. */
function sharingOf(i: number, format: ResourceFormat) {
  const sharingType = [SharingType.UNCONDITIONAL, SharingType.CONDITIONAL, SharingType.UNCONDITIONAL, SharingType.NOT_SHARED, SharingType.CONDITIONAL][i % 5];
  const openType =
    sharingType === SharingType.NOT_SHARED ? OpenType.NOT_OPEN : [OpenType.OPEN, OpenType.CONDITIONAL_OPEN, OpenType.NOT_OPEN][Math.floor(i / 5) % 3];
  const updateFrequency = FREQUENCY_ORDER[i % FREQUENCY_ORDER.length];
  const sharingMethod =
    format === ResourceFormat.SERVICE || format === ResourceFormat.STREAMING
      ? SharingMethod.PLATFORM_INTERFACE
      : format === ResourceFormat.DATABASE
        ? SharingMethod.PLATFORM_DATABASE
        : [SharingMethod.PLATFORM_FILE, SharingMethod.EMAIL, SharingMethod.MEDIA][i % 3];
  return {
    sharingType,
    sharingCondition: sharingType === SharingType.CONDITIONAL ? '仅限政府部门履行法定职责使用，须经提供方审核同意' : null,
    legalBasis: sharingType === SharingType.NOT_SHARED ? '《中华人民共和国个人信息保护法》第十三条、第二十三条' : null,
    openType,
    openCondition: openType === OpenType.CONDITIONAL_OPEN ? '申请单位签署数据使用协议后开放' : null,
    updateFrequency,
    dataGrade: [DataGrade.GENERAL, DataGrade.IMPORTANT, DataGrade.GENERAL, DataGrade.CORE][i % 4],
    sharingMethod,
  };
}

function interfaceFor(r: DemoResource, code: string, frequency: UpdateFrequency): Pick<InterfaceRegisterInput, 'kind' | 'endpoint' | 'syncFrequency'> {
  const path = code.replace('/', '-');
  const syncFrequency = frequency === UpdateFrequency.IRREGULAR ? UpdateFrequency.DAILY : frequency;
  switch (r.format) {
    case ResourceFormat.DATABASE:
      return { kind: InterfaceKind.DATABASE_SYNC, endpoint: `postgresql://10.32.13.20:5432/share_${path.replace(/-/g, '_')}`, syncFrequency };
    case ResourceFormat.STREAMING:
      return { kind: InterfaceKind.MESSAGE_QUEUE, endpoint: `amqp://mq.gov.sucheng.local:5672/${path}`, syncFrequency };
    case ResourceFormat.DOCUMENT:
    case ResourceFormat.IMAGE:
    case ResourceFormat.SPREADSHEET:
      return { kind: InterfaceKind.FILE_TRANSFER, endpoint: `sftp://exchange.gov.sucheng.local/${path}`, syncFrequency };
    default:
      return { kind: InterfaceKind.REST_API, endpoint: `https://api.gov.sucheng.local/share/${path}`, syncFrequency };
  }
}

const AFTER_APPROVAL: ProjectStatus[] = [ProjectStatus.APPROVED, ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.TRIAL_OPERATION];

/** What the seed created: counts, and the interfaces it mounted (the only ones the platform's demo runs are for). */
export interface SeededCatalogue {
  projects: number;
  resources: number;
  mountedInterfaceIds: string[];
}

export async function seedProjects(ds: DataSource, services: Services): Promise<SeededCatalogue> {
  const { org, as } = await demoActors(ds);
  const office = as(Role.LEADING_GROUP_OFFICE, 'leading-group-office');
  const bureau = as(Role.BIG_DATA_BUREAU, 'big-data-bureau');
  const platform = as(Role.PLATFORM, 'big-data-bureau');

  let projects = 0;
  let resources = 0;
  const mountedInterfaceIds: string[] = [];
  let revised = false;
  let n = 0;
  for (const d of DEMO_PROJECTS) {
    if (await ds.getRepository(Project).existsBy({ code: d.code })) continue;
    const unit = as(Role.PROJECT_UNIT, d.lead);
    const upgraded = d.upgrades ? await ds.getRepository(Project).findOneBy({ code: d.upgrades }) : null;
    // 第二十八条: an upgrade waits until the system it upgrades has gone live (seedDemo runs this again after the acceptances).
    if (d.upgrades && !(upgraded && [ProjectStatus.FILED, ProjectStatus.IN_OPERATION].includes(upgraded.status))) continue;
    const lastBudgetYear = Math.max(d.planYear, ...(d.budgetYears ?? []).map(([year]) => year));
    const [constructionStartYear, constructionEndYear] = d.constructionYears ?? [d.planYear, lastBudgetYear];
    const project = ok(
      `projectCreate ${d.code}`,
      await services.projects.create(
        unit,
        make(P.ProjectCreateInput, {
          code: d.code,
          name: d.name,
          category: d.category,
          planYear: d.planYear,
          constructionStartYear,
          constructionEndYear,
          totalBudget: d.totalBudget,
          budgetYears: d.budgetYears?.map(([year, amount]) => make(P.ProjectBudgetYearInput, { year, amount })),
          fundingSource: d.fundingSource,
          plan: make(ConstructionPlan, demoPlan(d)),
          crossDepartment: d.crossDepartment ?? false,
          coBuildingUnitIds: [...(d.coBuilding ?? []), ...(d.pendingCoBuilding ?? [])].map(org),
          upgradesProjectId: upgraded?.id,
        }),
      ),
    );
    projects++;
    // 第十四条: the demo's co-building units accepted; those in pendingCoBuilding have not answered.
    for (const key of d.coBuilding ?? []) {
      ok(
        `coBuildingAccept ${d.code} ${key}`,
        await services.coBuilding.accept(as(Role.PROJECT_UNIT, key), make(P.CoBuildingAnswerInput, { projectId: project.id })),
      );
    }

    const reviewed = d.status !== ProjectStatus.DRAFT;
    const mounts: { i: number; interfaceId: string }[] = [];
    const published = new Set<number>();
    for (const r of d.resources) {
      const i = n++;
      const sharing = sharingOf(i, r.format);
      const created = ok(
        `resourceCreate ${r.name}`,
        await services.resources.create(
          unit,
          make(ResourceCreateInput, {
            projectId: project.id,
            catalogueKind: r.kind,
            classificationCode: CATALOGUE_CLASS_DIGIT[r.kind] + r.classification,
            name: r.name,
            format: r.format,
            subFormat: r.subFormat ?? null,
            summary: r.summary,
            dataItems: r.items.map(([name, dataType, length]) => make(DataItemInput, { name, dataType, length })),
            ...(r.incomplete ? {} : sharing),
          }),
        ),
      );
      resources++;
      if (r.incomplete) continue;
      if (sharing.sharingType !== SharingType.NOT_SHARED && d.status !== ProjectStatus.DRAFT) {
        const consumers = i % 3 === 0 ? [org('big-data-bureau'), org('command-center')] : [];
        const spec = interfaceFor(r, created.code, sharing.updateFrequency);
        const registered = ok(
          `interfaceRegister ${created.code}`,
          await services.interfaces.register(unit, make(InterfaceRegisterInput, { resourceId: created.id, ...spec, consumerIds: consumers })),
        );
        mounts.push({ i, interfaceId: registered.id });
      }
      if (!reviewed) continue;
      ok('resourceSubmit', await services.resourceReview.submit(unit, make(ResourceIdInput, { id: created.id })));
      if (d.status === ProjectStatus.DECLARED && i % 2 === 0) continue; // still awaiting the bureau
      if (i % 9 === 4 && !d.complete) {
        ok(
          'resourceReturn',
          await services.resourceReview.return(
            bureau,
            make(ResourceReturnInput, { id: created.id, reason: '信息项定义不完整，请补充字段长度与说明后重新提交' }),
          ),
        );
        continue;
      }
      ok('resourcePublish', await services.resourceReview.publish(bureau, make(ResourceIdInput, { id: created.id })));
      published.add(i);
      if (!revised && d.status === ProjectStatus.TRIAL_OPERATION && !d.complete) {
        // 第五条: a published entry under revision, the revision awaiting the bureau; readers keep the published version.
        revised = true;
        const revision = make(ResourceUpdateInput, {
          id: created.id,
          summary: `${r.summary}（修订：补充数据来源与统计口径说明）`,
          dataItems: [...r.items, ['数据来源', DataItemType.C, 100] as const].map(([name, dataType, length]) =>
            make(DataItemInput, { name, dataType, length }),
          ),
        });
        ok(`resourceUpdate (revision) ${created.code}`, await services.resources.update(unit, revision));
        ok('resourceSubmit (revision)', await services.resourceReview.submit(unit, make(ResourceIdInput, { id: created.id })));
      }
    }

    await advance(ds, services, d, project.id, unit, office);
    // The platform mounts what is being built and published (第九条、第十七条); now and then one is withdrawn again.
    if (d.status === ProjectStatus.TRIAL_OPERATION || d.status === ProjectStatus.UNDER_CONSTRUCTION) {
      for (const { i, interfaceId } of mounts.filter((m) => published.has(m.i) && (d.complete || m.i % 7 !== 3))) {
        ok('interfaceMount', await services.interfaces.mount(platform, make(InterfaceMountInput, { interfaceId, platformId: `SQ-GX-${1000 + i}` })));
        mountedInterfaceIds.push(interfaceId);
        if (i % 8 === 5 && !d.complete) {
          ok(
            'interfaceWithdraw',
            await services.interfaces.withdraw(platform, make(InterfaceWithdrawInput, { interfaceId, reason: '接口地址变更，待重新挂接' })),
          );
        }
      }
    }
    await backdate(ds, d, project.id, org);
  }
  return { projects, resources, mountedInterfaceIds };
}

/** Moves a seeded project through its life to the stage the demo wants it at. */
async function advance(ds: DataSource, services: Services, d: DemoProject, projectId: string, unit: RequestContext, office: RequestContext) {
  const id = { projectId };
  if (d.status === ProjectStatus.DRAFT) return;
  ok(`projectDeclare ${d.code}`, await services.projects.declare(unit, make(P.ProjectDeclareInput, id)));
  if (d.status === ProjectStatus.REJECTED) {
    ok('projectReject', await services.projects.reject(office, make(P.ProjectRejectInput, { ...id, reason: d.rejectionReason! })));
    return;
  }
  // 第十条: the office assigns an expert to review the plan; the demo leaves SC-2027-0003 under review, its expert yet to answer.
  const [zhang, li] = await demoExperts(ds);
  ok(
    `expertAssign ${d.code}`,
    await services.reviews.assign(office, make(ExpertAssignInput, { ...id, expertUserIds: [d.status === ProjectStatus.DECLARED ? li.userId : zhang.userId] })),
  );
  if (d.status === ProjectStatus.DECLARED) return;
  const opinion = make(ExpertOpinionRecordInput, { ...id, conclusion: ExpertConclusion.PASS, opinion: '建设内容、共享分析和投资概算合理，同意列入年度计划。' });
  ok(`expertOpinionRecord ${d.code}`, await services.reviews.recordOpinion(asExpert(zhang), opinion));
  if (!AFTER_APPROVAL.includes(d.status)) return;
  ok(`projectApprove ${d.code}`, await services.projects.approve(office, make(P.ProjectApproveInput, id)));
  if (d.status === ProjectStatus.APPROVED) return;
  ok('projectStartConstruction', await services.projects.startConstruction(unit, make(P.ProjectStartConstructionInput, id)));
  if (d.status === ProjectStatus.UNDER_CONSTRUCTION) return;
  // Goes live today through the rules; `backdate` then sets the demo's historical dates.
  ok('projectGoLive', await services.projects.goLive(unit, make(P.ProjectGoLiveInput, { ...id, goLiveDate: shanghaiDateOf(services.clock.now()) })));
}

const DAY = 86_400_000;

/** `instant` moved on by `days` days and `hours` hours, as an ISO instant. */
const later = (instant: string, days: number, hours = 0) => new Date(Date.parse(instant) + days * DAY + hours * 3_600_000).toISOString();

/**
 * The demo's history: the seed runs today, but the demo district's projects were declared before
 * 30 September of the year before their plan year (第七条), approved in December, and went live on
 * the dates the demo data names. Rewrites those instants and the transitions that record them, and
 * the steps between them in their order: the co-building units named at creation and accepting in
 * the days after it, before the declaration (第十四条); the plan's experts assigned two days after
 * the declaration and giving their opinion a month after it, before the decision (第六条、第十条).
 */
async function backdate(ds: DataSource, d: DemoProject, projectId: string, org: (key: string) => string): Promise<void> {
  const y = d.planYear - 1;
  const at: Record<string, string> = {
    projectCreate: `${y}-08-20T09:00:00+08:00`,
    // SC-2027-0003 and SC-2027-0013 were declared late, after 30 September (第七条).
    projectDeclare: `${y}-${d.code.endsWith('3') ? '10-08T10:00' : '09-15T10:00'}:00+08:00`,
    projectReject: `${y}-11-20T15:00:00+08:00`,
    projectApprove: `${y}-12-10T15:00:00+08:00`,
    projectStartConstruction: `${d.planYear}-01-15T09:00:00+08:00`,
  };
  if (d.goLiveDate) at.projectGoLive = `${d.goLiveDate}T09:00:00+08:00`;
  for (const [action, when] of Object.entries(at)) {
    await ds.query(`UPDATE project_transition SET at = $3 WHERE project_id = $1 AND action = $2`, [projectId, action, when]);
  }
  await ds.query(
    `UPDATE project SET
       declared_at = CASE WHEN declared_at IS NULL THEN NULL ELSE $2::timestamptz END,
       approved_at = CASE WHEN approved_at IS NULL THEN NULL ELSE $3::timestamptz END,
       go_live_date = COALESCE($4::date, go_live_date), trial_end_date = $5::date
     WHERE id = $1`,
    [projectId, at.projectDeclare, at.projectApprove, d.goLiveDate ?? null, d.trialEndDate ?? null],
  );
  // 第十四条: named with the project; each accepting unit a day after the one before it.
  await ds.query(`UPDATE project_co_building_unit SET proposed_at = $2 WHERE project_id = $1`, [projectId, at.projectCreate]);
  for (const [k, key] of (d.coBuilding ?? []).entries()) {
    const answered = later(at.projectCreate, k + 1, 1);
    await ds.query(`UPDATE project_co_building_unit SET responded_at = $3 WHERE project_id = $1 AND organization_id = $2 AND responded_at IS NOT NULL`, [
      projectId,
      org(key),
      answered,
    ]);
    await ds.query(`UPDATE project_transition SET at = $3 WHERE project_id = $1 AND action = 'coBuildingAccept' AND actor_organization_id = $2`, [
      projectId,
      org(key),
      answered,
    ]);
  }
  // 第六条、第十条: the plan's review opened by the declaration, its experts and their opinions before the decision.
  await ds.query(`UPDATE expert_review SET opened_at = $2 WHERE project_id = $1 AND stage = 'PLAN'`, [projectId, at.projectDeclare]);
  await ds.query(`UPDATE expert_assignment a SET assigned_at = $2 FROM expert_review r WHERE r.id = a.review_id AND r.project_id = $1 AND r.stage = 'PLAN'`, [
    projectId,
    later(at.projectDeclare, 2),
  ]);
  await ds.query(`UPDATE expert_opinion o SET recorded_at = $2 FROM expert_review r WHERE r.id = o.review_id AND r.project_id = $1 AND r.stage = 'PLAN'`, [
    projectId,
    later(at.projectDeclare, 30, 5),
  ]);
}
