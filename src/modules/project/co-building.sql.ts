import { CoBuildingStatus, ProjectStatus } from './project.enums';

/** 第十四条: the co-building proposals not answered yet. Columns: project_id, organization_id, proposed_at. */
export const OPEN_CO_BUILDING_PROPOSALS = `
  SELECT c.project_id, c.organization_id, c.proposed_at FROM project_co_building_unit c WHERE c.status = '${CoBuildingStatus.PROPOSED}'`;

/** 第十四条、第三十三条: the open proposals of projects not terminated, as SQL for the to-dos (the same columns). */
export const PENDING_CO_BUILDING = `${OPEN_CO_BUILDING_PROPOSALS}
   AND NOT EXISTS (SELECT 1 FROM project p WHERE p.id = c.project_id AND p.status = '${ProjectStatus.TERMINATED}')`;
