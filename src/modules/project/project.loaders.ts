import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Project } from './project.entity';
import { ProjectBudgetYear } from './project-budget-year.entity';
import { ProjectTransition } from './project-transition.entity';
import { groupsFor } from '../../common/batch';
import { organizationNameSql } from '../organization';
import { childPageLoader } from '../../common/page-batch';
import { fromJsonRow } from '../../graphql/lookahead';
import { CoBuildingStatus } from './project.enums';
import { ProjectCoBuildingUnit } from './project-co-building-unit.entity';

/** Batches the reads behind a project's fields, one statement per kind of field per request. */
export function projectLoaders(ds: DataSource, maxPageSize: number) {
  return {
    /** Projects by id, whoever may read them: callers check `canRead` (see project-access.ts). */
    projectById: new DataLoader<string, Project | null>(async (ids) => {
      const rows = await ds.getRepository(Project).find({ where: { id: In([...ids]) } });
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    budgetYearsByProject: new DataLoader<string, ProjectBudgetYear[]>(async (ids) => {
      const rows = await ds.getRepository(ProjectBudgetYear).find({ where: { projectId: In([...ids]) }, order: { year: 'ASC' } });
      return groupsFor(ids, rows, (r) => r.projectId);
    }),

    /** The co-building units that accepted (第十四条), by name: the ids `buildsProject` and `canRead` take. */
    coBuildingUnitIdsByProject: new DataLoader<string, string[]>(async (ids) => {
      const rows: { project_id: string; organization_id: string }[] = await ds.query(
        `SELECT c.project_id, c.organization_id FROM project_co_building_unit c
         WHERE c.project_id = ANY($1::uuid[]) AND c.status = '${CoBuildingStatus.ACCEPTED}' ORDER BY ${organizationNameSql('c.organization_id')}, c.organization_id`,
        [[...ids]],
      );
      return groupsFor(ids, rows, (r) => r.project_id).map((list) => list.map((r) => r.organization_id));
    }),

    /** Every unit named as co-building unit, whatever its answer, by name (第十四条). */
    coBuildingByProject: new DataLoader<string, ProjectCoBuildingUnit[]>(async (ids) => {
      const rows = await ds
        .getRepository(ProjectCoBuildingUnit)
        .createQueryBuilder('c')
        .innerJoin('c.organization', 'o')
        .where('c.projectId IN (:...ids)', { ids: [...ids] })
        .orderBy('o.name')
        .addOrderBy('o.id')
        .getMany();
      return groupsFor(ids, rows, (r) => r.projectId);
    }),

    /** `Project.history(first, after)`: a project's transitions in time order, oldest first. */
    transitionsByProject: childPageLoader(
      ds.manager,
      { table: 'project_transition', parent: 'project_id', sort: 'at', sortType: 'timestamptz' },
      maxPageSize,
      (row) => fromJsonRow(ds, ProjectTransition, row),
    ),
  };
}
