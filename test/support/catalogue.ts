/**
 * Fixtures for the catalogue and sharing-list specs: projects written straight through the
 * TypeORM repositories (the project mutations have their own specs), and the GraphQL documents
 * the specs share.
 */
import { USER_ERRORS } from './documents';
import type { DataSource } from 'typeorm';
import { CoBuildingStatus, Project, ProjectCategory, ProjectCoBuildingUnit, ProjectStatus } from '../../src/modules/project';
import { codeOf, orgId } from './hub';

export { codeOf, orgId };

let serial = 0;

/** A project led by `lead` with co-building units `co`, inserted through the repository. */
export async function insertProject(
  ds: DataSource,
  lead: string,
  co: string[] = [],
  status: ProjectStatus = ProjectStatus.APPROVED,
  code = `SC-2027-${String(++serial).padStart(4, '0')}`,
): Promise<Project> {
  const repo = ds.getRepository(Project);
  const coIds = await Promise.all(co.map((k) => orgId(ds, k)));
  const project = await repo.save(
    repo.create({
      code,
      name: `测试项目${code}`,
      leadUnitId: await orgId(ds, lead),
      category: ProjectCategory.NEW,
      planYear: 2027,
      totalBudget: '800000.00',
      budgetYears: [],
      plan: {},
      status,
    }),
  );
  // Co-building units that accepted (第十四条), as the specs of the catalogue need them.
  if (coIds.length)
    await ds
      .getRepository(ProjectCoBuildingUnit)
      .insert(coIds.map((organizationId) => ({ projectId: project.id, organizationId, status: CoBuildingStatus.ACCEPTED })));
  return project;
}

export const RESOURCE_FIELDS = `id code catalogueKind classificationCode name summary format subFormat
  sharingType sharingCondition legalBasis sharingMethod openType openCondition updateFrequency dataGrade
  publishedOn relatedResourceCodes status returnReason version
  provider { name } project { code } dataItems { position name dataType length }`;

export { USER_ERRORS };

export const CREATE = `mutation ($input: ResourceCreateInput!) { resourceCreate(input: $input) { resource { ${RESOURCE_FIELDS} } ${USER_ERRORS} } }`;
export const UPDATE = `mutation ($input: ResourceUpdateInput!) { resourceUpdate(input: $input) { resource { ${RESOURCE_FIELDS} } ${USER_ERRORS} } }`;
export const SUBMIT = `mutation ($id: ID!) { resourceSubmit(input: { id: $id }) { resource { id status } ${USER_ERRORS} } }`;
export const PUBLISH = `mutation ($id: ID!) { resourcePublish(input: { id: $id }) { resource { id status version publishedOn } ${USER_ERRORS} } }`;
export const RETURN = `mutation ($id: ID!, $reason: String!) { resourceReturn(input: { id: $id, reason: $reason }) { resource { id status returnReason } ${USER_ERRORS} } }`;
export const RETIRE = `mutation ($id: ID!, $reason: String) { resourceRetire(input: { id: $id, reason: $reason }) { resource { id status retireReason } ${USER_ERRORS} } }`;

/** A complete, submittable entry of `projectId`; override any field. */
export function resourceInput(projectId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    projectId,
    catalogueKind: 'DEPARTMENTAL',
    classificationCode: '301001',
    name: '学生资助对象信息',
    summary: '家庭经济困难学生资助对象的基本信息',
    format: 'DATABASE',
    subFormat: 'PostgreSQL',
    dataItems: [
      { name: '姓名', dataType: 'C', length: 50 },
      { name: '身份证号', dataType: 'C', length: 18 },
      { name: '资助金额', dataType: 'Y', length: 12 },
    ],
    sharingType: 'UNCONDITIONAL',
    sharingMethod: 'PLATFORM_INTERFACE',
    openType: 'NOT_OPEN',
    updateFrequency: 'DAILY',
    dataGrade: 'IMPORTANT',
    ...overrides,
  };
}
