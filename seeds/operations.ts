/**
 * The demo district in operation: the city exchange platform's aggregation runs for the mounted
 * interfaces (so that every gap reason shows somewhere), and the acceptances of DEMO_PROJECTS —
 * one passed and filed, one failed — entered through the services at the demo's own instants.
 */
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../src/common/request-context';
import { AcceptanceDocumentKind, AcceptanceResult, AcceptanceApplication } from '../src/modules/acceptance';
import { ExpertAssignInput, ExpertConclusion, ExpertOpinionRecordInput } from '../src/modules/review';
import * as A from '../src/modules/acceptance';
import { AggregationMode, AggregationOutcome, AggregationRunInput, AggregationRunsReportInput } from '../src/modules/aggregation';
import { Role } from '../src/common/role.enums';
import { Project } from '../src/modules/project';
import type { Services } from '../src/services';
import { DEMO_PROJECTS, DemoProject } from './projects.data';
import { ActAs, asExpert, demoActors, demoExperts, make, ok } from './acting';

/** A clock the seed can set to the demo's instants; it follows `base` otherwise. */
export class SeedClock {
  private at: Date | null = null;
  constructor(private readonly base: { now(): Date }) {}
  now(): Date {
    return this.at ? new Date(this.at) : this.base.now();
  }
  set(instant: string | null): void {
    this.at = instant ? new Date(instant) : null;
  }
}

const HOUR = 3600_000;

function documents(project: DemoProject, kinds: AcceptanceDocumentKind[]) {
  const names: Record<AcceptanceDocumentKind, string> = {
    [AcceptanceDocumentKind.CONSTRUCTION_SUMMARY]: '项目建设总结',
    [AcceptanceDocumentKind.FINANCIAL_REPORT]: '项目财务报告',
    [AcceptanceDocumentKind.SHARING_CATALOGUE]: '信息资源共享目录',
    [AcceptanceDocumentKind.SECURITY_ASSESSMENT]: '第三方网络安全检测评估报告',
    [AcceptanceDocumentKind.SHARING_LIST]: '信息资源共享清单',
    [AcceptanceDocumentKind.SOFTWARE_HARDWARE_CONTROLLABILITY]: '软硬件产品网络安全可控资料',
    [AcceptanceDocumentKind.TECHNICAL_DOCUMENTATION]: '技术开发文档',
    [AcceptanceDocumentKind.CRYPTOGRAPHY_ASSESSMENT]: '密码应用安全性评估报告',
  };
  return kinds.map((kind) =>
    make(A.AcceptanceDocumentInput, {
      kind,
      title: `${project.name}${names[kind]}`,
      fileName: `${project.code}-${kind.toLowerCase()}.pdf`,
      sha256: createHash('sha256').update(`${project.code}/${kind}`).digest('hex'),
    }),
  );
}

/**
 * Runs for every interface this seed mounted, by a pattern over interfaces: most recent successes (timely),
 * one in six an old success only (STALE unless its window is long), one in six failures only and
 * one in six nothing at all (NEVER_AGGREGATED). A complete project's interfaces all run fresh.
 */
async function seedRuns(ds: DataSource, services: Services, platform: RequestContext, interfaceIds: string[]): Promise<number> {
  const rows: { id: string; code: string; complete: boolean }[] = await ds.query(
    `SELECT i.id, r.code, p.code = ANY($1) AS complete
       FROM sharing_interface i JOIN information_resource r ON r.id = i.resource_id JOIN project p ON p.id = r.project_id
      WHERE i.mount_status = 'MOUNTED' AND i.id = ANY($2::uuid[])
      ORDER BY r.code, i.id`,
    [DEMO_PROJECTS.filter((p) => p.complete).map((p) => p.code), interfaceIds],
  );
  // Run times count back from a fixed hour of today, so that a second seed reports the same runs.
  const now = Math.floor(services.clock.now().getTime() / HOUR) * HOUR;
  const runs: AggregationRunInput[] = [];
  rows.forEach((row, k) => {
    const pattern = row.complete ? 0 : k % 6;
    const run = (hoursAgo: number, outcome: AggregationOutcome, n: number) =>
      make(AggregationRunInput, {
        interfaceId: row.id,
        platformRunId: `SQ-RUN-${row.code}-${n}`,
        ranAt: new Date(now - hoursAgo * HOUR),
        mode: n === 0 ? AggregationMode.FULL : AggregationMode.INCREMENTAL,
        records: outcome === AggregationOutcome.SUCCEEDED ? 1200 + 37 * n : 0,
        outcome,
        failureReason: outcome === AggregationOutcome.FAILED ? '源库连接超时，平台未取到数据' : null,
      });
    if (pattern === 3) return; // never run
    if (pattern === 2) runs.push(run(30, AggregationOutcome.FAILED, 0), run(6, AggregationOutcome.FAILED, 1));
    else if (pattern === 1) runs.push(run(24 * 200, AggregationOutcome.SUCCEEDED, 0), run(2, AggregationOutcome.FAILED, 1));
    else runs.push(run(24 * 30, AggregationOutcome.SUCCEEDED, 0), run(1.5, AggregationOutcome.SUCCEEDED, 1));
  });
  // Reported again on a second seed, the same platform run ids are recognised and change nothing.
  let accepted = 0;
  for (let i = 0; i < runs.length; i += 1000) {
    const batch = make(AggregationRunsReportInput, { runs: runs.slice(i, i + 1000) });
    accepted += ok('aggregationRunsReport', await services.aggregation.report(platform, batch)).accepted;
  }
  return accepted;
}

async function seedAcceptance(ds: DataSource, services: Services, clock: SeedClock, d: DemoProject, as: ActAs): Promise<boolean> {
  const a = d.acceptance!;
  const project = await ds.getRepository(Project).findOneByOrFail({ code: d.code });
  if (await ds.getRepository(AcceptanceApplication).existsBy({ projectId: project.id })) return false;
  const unit = as(Role.PROJECT_UNIT, d.lead);
  const office = as(Role.LEADING_GROUP_OFFICE, 'leading-group-office');
  const {
    CONSTRUCTION_SUMMARY,
    FINANCIAL_REPORT,
    SHARING_CATALOGUE,
    SECURITY_ASSESSMENT,
    SHARING_LIST,
    SOFTWARE_HARDWARE_CONTROLLABILITY,
    TECHNICAL_DOCUMENTATION,
  } = AcceptanceDocumentKind;
  try {
    clock.set(a.appliedAt);
    const application = ok(
      `acceptanceApply ${d.code}`,
      await services.acceptance.apply(
        unit,
        make(A.AcceptanceApplyInput, {
          projectId: project.id,
          documents: documents(d, [CONSTRUCTION_SUMMARY, FINANCIAL_REPORT, SHARING_CATALOGUE, SECURITY_ASSESSMENT]),
        }),
      ),
    );
    // 第六条、第二十五条: the office assigns the two experts, who give their opinions.
    const experts = await demoExperts(ds);
    ok(
      `expertAssign ${d.code}`,
      await services.reviews.assign(office, make(ExpertAssignInput, { applicationId: application.id, expertUserIds: experts.map((e) => e.userId) })),
    );
    clock.set(a.opinionsAt);
    const passed = a.result === 'PASSED';
    for (const [k, expert] of experts.entries()) {
      ok(
        'expertOpinionRecord',
        await services.reviews.recordOpinion(
          asExpert(expert),
          make(ExpertOpinionRecordInput, {
            applicationId: application.id,
            conclusion: passed ? (k === 0 ? ExpertConclusion.PASS : ExpertConclusion.PASS_WITH_CHANGES) : ExpertConclusion.FAIL,
            opinion: passed
              ? '建设内容已按方案完成，信息资源目录与共享清单完整，数据已按需归集至市共享交换平台。'
              : '部分共享接口未挂接市共享交换平台，归集数据不完整，网络安全检测发现中危漏洞未整改。',
          }),
        ),
      );
    }
    clock.set(`${a.acceptedOn}T16:00:00+08:00`);
    ok(
      `acceptanceRecordResult ${d.code}`,
      await services.acceptance.recordResult(
        office,
        make(A.AcceptanceRecordResultInput, {
          applicationId: application.id,
          result: passed ? AcceptanceResult.PASSED : AcceptanceResult.FAILED,
          acceptedOn: a.acceptedOn,
          documents: passed ? documents(d, [SHARING_LIST, SOFTWARE_HARDWARE_CONTROLLABILITY, TECHNICAL_DOCUMENTATION]) : [],
        }),
      ),
    );
    if (a.filedOn) {
      clock.set(`${a.filedOn}T10:00:00+08:00`);
      ok(
        `acceptanceFile ${d.code}`,
        await services.acceptance.file(office, make(A.AcceptanceFileInput, { applicationId: application.id, filedOn: a.filedOn })),
      );
    }
  } finally {
    clock.set(null);
  }
  // The transitions carry the database's time of the seed run; give them the demo's.
  const at: Record<string, string> = {
    acceptanceApply: a.appliedAt,
    acceptancePass: `${a.acceptedOn}T16:00:00+08:00`,
    acceptanceFail: `${a.acceptedOn}T16:00:00+08:00`,
  };
  if (a.filedOn) Object.assign(at, { acceptanceFile: `${a.filedOn}T10:00:00+08:00`, operationStart: `${a.filedOn}T10:00:01+08:00` });
  for (const [action, when] of Object.entries(at)) {
    await ds.query(`UPDATE project_transition SET at = $3 WHERE project_id = $1 AND action = $2`, [project.id, action, when]);
  }
  return true;
}

/** The platform's runs for the interfaces this seed mounted (never for ones users registered), then the acceptances. */
export async function seedOperations(
  ds: DataSource,
  services: Services,
  clock: SeedClock,
  mountedInterfaceIds: string[],
): Promise<{ runs: number; acceptances: number }> {
  const { as } = await demoActors(ds);
  const runs = await seedRuns(ds, services, as(Role.PLATFORM, 'big-data-bureau'), mountedInterfaceIds);
  let acceptances = 0;
  for (const d of DEMO_PROJECTS.filter((p) => p.acceptance)) if (await seedAcceptance(ds, services, clock, d, as)) acceptances++;
  return { runs, acceptances };
}
