/**
 * 第三十三条 in the demo district: the office orders rectification of the projects whose demo data has
 * a `sanction`, through the rectification service, once they stand where the demo puts them.
 */
import type { DataSource } from 'typeorm';
import { addDays, shanghaiDateOf } from '../src/common/dates';
import { Role } from '../src/common/role.enums';
import { Project, ProjectStatus } from '../src/modules/project';
import * as R from '../src/modules/rectification';
import type { Services } from '../src/services';
import { demoActors, make, ok } from './acting';
import { DEMO_PROJECTS } from './projects.data';

export async function seedSanctions(ds: DataSource, services: Services): Promise<number> {
  const { as } = await demoActors(ds);
  const office = as(Role.LEADING_GROUP_OFFICE, 'leading-group-office');
  let n = 0;
  for (const d of DEMO_PROJECTS.filter((p) => p.sanction)) {
    const s = d.sanction!;
    const project = await ds.getRepository(Project).findOneBy({ code: d.code });
    // Only once: a project already rectifying (or beyond) is left alone.
    if (!project || project.status !== d.status || project.status === ProjectStatus.RECTIFYING) continue;
    const unit = as(Role.PROJECT_UNIT, d.lead);
    const projectId = project.id;
    const dueOn = addDays(shanghaiDateOf(services.clock.now()), s.dueInDays);
    ok(
      `projectRectificationOrder ${d.code}`,
      await services.rectification.order(office, make(R.ProjectRectificationOrderInput, { projectId, reason: s.reason, findings: s.findings, dueOn })),
    );
    if (s.report) {
      ok(
        `projectRectificationReport ${d.code}`,
        await services.rectification.report(unit, make(R.ProjectRectificationReportInput, { projectId, report: s.report.text, materials: s.report.materials })),
      );
    }
    if (s.refusal) {
      ok(
        `projectRectificationRefuse ${d.code}`,
        await services.rectification.refuse(office, make(R.ProjectRectificationRefuseInput, { projectId, reason: s.refusal })),
      );
    }
    if (s.suspension) {
      ok(`projectSuspend ${d.code}`, await services.rectification.suspend(office, make(R.ProjectSanctionInput, { projectId, reason: s.suspension })));
    }
    n++;
  }
  return n;
}
