/** The project module's public face: projects, their lifecycle, who builds and who reads them (第七条至第十六条). */
export { ConstructionPlan, PLAN_SECTIONS } from './construction-plan.embedded';
export { ProjectBudgetYear } from './project-budget-year.entity';
export { ProjectTransition } from './project-transition.entity';
export {
  OVERSIGHT_ROLES,
  buildingUnitIds,
  buildingUnitsSql,
  buildsProject,
  canRead,
  isBuildingUnit,
  isOversight,
  projectForChange,
  projectsBuiltBySql,
} from './project.access';
export { Project } from './project.entity';
export { ProjectCoBuildingUnit } from './project-co-building-unit.entity';
export { CoBuildingResolver, ProjectCoBuildingResolver } from './co-building.resolver';
export { CoBuildingService } from './co-building.service';
export { PENDING_CO_BUILDING } from './co-building.sql';
export { CoBuildingStatus, ProjectCategory, ProjectStatus } from './project.enums';
export {
  CoBuildingAnswerInput,
  ProjectActionInput,
  ProjectApproveInput,
  ProjectBudgetYearInput,
  ProjectCreateInput,
  ProjectDeclareInput,
  ProjectGoLiveInput,
  ProjectRejectInput,
  ProjectStartConstructionInput,
} from './project.inputs';
export { projectLoaders } from './project.loaders';
export { ProjectResolver } from './project.resolver';
export { ProjectTransitionResolver } from './project-transition.resolver';
export { PROJECT_TRANSITIONS, RECTIFIABLE, SANCTIONED, STATUS_LABELS } from './project.rules';
export type { ProjectAction } from './project.rules';
export { ProjectService } from './project.service';
/** SQL over the project's tables for other modules' statements: its latest declaration (第十条), its status. */
export { DECLARED_PLANS, latestDeclarationSql, PROJECT_DATES, projectInStatusSql, projectStatusSql } from './project.sql';
export type { ApprovalCheck } from './project.service';
export { projectForAction, recordTransition } from './project.transitions';
