import { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../config';
import { mutate, Outcome, readerOf, registerUniqueViolation } from '../../db/transaction';
import { ConnectionArgs } from '../../graphql/connection';
import { decodeCursor, Page, pageSize, paginate } from '../../common/paging';
import { badInput } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserError, userError, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Organization } from '../organization';
import { buildingUnitIds, projectForChange } from '../project';
import { ResourceStatus, RevisionStatus } from './catalogue.enums';
import { InformationResource, RESOURCE_CODE_KEY } from './information-resource.entity';
import { ResourceCreateInput, ResourceFilter, ResourceUpdateInput } from './resource.inputs';
import { dataItemProblems, metadataOf, metadataProblems, ResourceMetadata, searchTextOf } from './resource.rules';
import { REVISABLE, ResourceRevision, RevisionItem } from './resource-revision.entity';
import { contentOf, draftOf, itemsOf, lockRevision, replaceDataItems, RevisionDraft } from './resource-revision';
import { FacetRows, filteredResources, isVisibleTo, resourceFacets } from './resource.search';
import { isUuid } from '../../graphql/scalars';
import { trimmed } from '../../common/text';
import { canonicalJson } from '../../common/canonical-json';

/** Buckets of the lock that serialises the next code of a classification (codeFor). */
const CODE_LOCK_BUCKETS = 1024;

registerUniqueViolation({ constraint: RESOURCE_CODE_KEY, field: ['input', 'code'], message: '该信息资源代码已被使用' });

type MetadataInput = ResourceCreateInput | ResourceUpdateInput;

/** An entry's sharing type and update frequency before a change. */
export type ResourceBefore = Pick<InformationResource, 'sharingType' | 'updateFrequency'>;

/** A check another module makes of a change to an entry, inside the change's transaction; its refusals join the others. */
export type ResourceChangeCheck = (em: EntityManager, r: InformationResource, before: ResourceBefore) => Promise<UserError[]>;

/** Trims the free texts of an input; blank optional texts become null. */
function normalize(input: MetadataInput): void {
  for (const key of ['code', 'summary', 'subFormat', 'sharingCondition', 'legalBasis', 'openCondition'] as const) {
    input[key] = trimmed(input[key]);
  }
  if (typeof input.name === 'string') input.name = input.name.trim();
  if (typeof input.classificationCode === 'string') input.classificationCode = input.classificationCode.trim();
  if (input.dataItems) for (const item of input.dataItems) item.name = item.name.trim();
  if (input.relatedResourceCodes) input.relatedResourceCodes = input.relatedResourceCodes.map((c) => c.trim());
}

/** The catalogue: entries of projects with their data items (第八条、第九条), read under the visibility rule. */
export class ResourceService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize'>,
    /** What other modules refuse of a change to an entry (the sharing list, 第九条、第十七条); wired in services.ts. */
    private readonly changeChecks: ResourceChangeCheck[] = [],
  ) {}

  async findOne(ctx: RequestContext, by: { id?: string | null; code?: string | null }): Promise<InformationResource | null> {
    const qb = filteredResources(readerOf(this.ds, ctx), ctx.caller);
    if (by.id) {
      if (!isUuid(by.id)) throw badInput('id', '信息资源ID格式无效');
      qb.andWhere('r.id = :id', { id: by.id });
    } else if (by.code) {
      qb.andWhere('r.code = :code', { code: by.code.trim() });
    } else {
      return null;
    }
    return qb.getOne();
  }

  /** The database, for the look-ahead's column choice (entity metadata). */
  get dataSource(): DataSource {
    return this.ds;
  }

  /** The page of a project's `resources`: its size within MAX_PAGE_SIZE and the (code, id) it starts after; BAD_USER_INPUT on a bad one. */
  projectPageArgs(args: ConnectionArgs): { size: number; after: [string, string] | null } {
    const size = pageSize(args.first, this.config.maxPageSize);
    if (!args.after) return { size, after: null };
    return {
      size,
      after: decodeCursor<[string, string]>(args.after, (v) => v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && isUuid(v[1])),
    };
  }

  async list(ctx: RequestContext, filter: ResourceFilter = {}, args: ConnectionArgs = {}): Promise<Page<InformationResource>> {
    const qb = filteredResources(this.ds.manager, ctx.caller, filter);
    return paginate(qb, args, { expression: 'r.code', value: (r) => r.code }, this.config.maxPageSize);
  }

  /** Facet counts of the same filtered, visible set the list counts. */
  async facets(ctx: RequestContext, filter: ResourceFilter = {}): Promise<FacetRows> {
    return resourceFacets(this.ds.manager, filteredResources(this.ds.manager, ctx.caller, filter));
  }

  async create(ctx: RequestContext, input: ResourceCreateInput): Promise<Outcome<InformationResource>> {
    normalize(input);
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const caller = ctx.caller!;
      // 第十三条: only the project's own units register its resources.
      const project = await projectForChange(em, caller, input.projectId);
      const metadata: ResourceMetadata = {
        catalogueKind: input.catalogueKind,
        classificationCode: input.classificationCode,
        code: input.code ?? null,
        sharingType: input.sharingType ?? null,
        sharingCondition: input.sharingCondition ?? null,
        legalBasis: input.legalBasis ?? null,
        openType: input.openType ?? null,
        openCondition: input.openCondition ?? null,
        updateFrequency: input.updateFrequency ?? null,
      };
      const providerId = input.providerId ?? caller.organizationId!;
      const related = input.relatedResourceCodes ?? [];
      const problems = [
        ...metadataProblems(metadata),
        ...dataItemProblems(input.dataItems ?? []),
        ...(await duplicateNameProblems(em, project.id, input.name, null)),
        ...(input.providerId ? await this.providerProblems(em, project.id, providerId, ['input', 'providerId']) : []),
        ...(await this.relatedProblems(em, ctx, related, metadata.code)),
      ];
      if (problems.length) throw new UserErrorsException(problems);

      const code = await this.codeFor(em, ctx, metadata.classificationCode, metadata.code, null);
      const items = input.dataItems ?? [];
      const resource = em.create(InformationResource, {
        ...metadata,
        code,
        name: input.name,
        providerId,
        projectId: project.id,
        summary: input.summary ?? '',
        format: input.format,
        subFormat: input.subFormat ?? null,
        sharingMethod: input.sharingMethod ?? null,
        dataGrade: input.dataGrade ?? null,
        publishedOn: input.publishedOn ?? null,
        relatedResourceCodes: [...new Set(related)],
        status: ResourceStatus.DRAFT,
        version: 1,
        searchText: searchTextOf(
          input.name,
          input.summary ?? '',
          items.map((i) => i.name),
        ),
      });
      const saved = await em.save(resource);
      await replaceDataItems(
        em,
        saved.id,
        items.map(({ name, dataType, length }) => ({ name, dataType, length: length ?? null })),
      );
      return saved;
    });
  }

  /**
   * Changes an entry: a DRAFT or RETURNED one in place. A PUBLISHED one stays as published
   * (第五条、第十七条: readers, sharing and the figures keep the version the bureau reviewed): the
   * change goes to its revision, opened by the first edit, which the bureau publishes or returns.
   * A SUBMITTED entry (or revision) is with the bureau; a RETIRED one is history.
   */
  async update(ctx: RequestContext, input: ResourceUpdateInput): Promise<Outcome<InformationResource>> {
    normalize(input);
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const found = await em.findOneBy(InformationResource, { id: input.id });
      if (!found || !(await isVisibleTo(em, ctx.caller, found.id))) refuse(UserErrorCode.NOT_FOUND, '信息资源不存在', ['input', 'id']);
      // 第十三条: only the project's own units change its resources. Project first, then the entry: one lock order.
      await projectForChange(em, ctx.caller!, found.projectId, ['input', 'id']);
      const r = (await em.findOne(InformationResource, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } }))!;
      if (r.status === ResourceStatus.SUBMITTED || r.status === ResourceStatus.RETIRED) {
        // 第五条: a submitted entry is under the bureau's review; a retired one is kept as it was.
        const why = r.status === ResourceStatus.SUBMITTED ? '已提交大数据管理局审核，审核完成前不能修改' : '已停用，不能修改';
        refuse(UserErrorCode.INVALID_TRANSITION, `该信息资源${why}`, ['input', 'id'], '第五条');
      }
      const published = r.status === ResourceStatus.PUBLISHED;
      const revision = published ? await lockRevision(em, r.id) : null;
      if (revision?.status === RevisionStatus.SUBMITTED) {
        refuse(UserErrorCode.INVALID_TRANSITION, '该信息资源的修订已提交大数据管理局审核，审核完成前不能修改（可先撤回修订）', ['input', 'id'], '第五条');
      }
      const { id: _id, dataItems, ...fields } = input;
      const given = Object.values(fields).some((v) => v !== undefined);
      if (!given && !dataItems) return r;

      // 第五条: the edit of a published entry is made on its revision, never on the row readers see.
      const target: InformationResource = published ? draftOf(r, revision, await itemsOf(em, r.id)) : r;
      const before = { code: r.code, sharingType: target.sharingType, updateFrequency: target.updateFrequency };
      applyEdit(target, input);
      const metadata = metadataOf(target, codeAfterEdit(r, target, input));
      const problems = [
        ...metadataProblems(metadata),
        ...(dataItems ? dataItemProblems(dataItems) : []),
        ...(input.name ? await duplicateNameProblems(em, r.projectId, input.name, r.id) : []),
        ...(input.providerId ? await this.providerProblems(em, r.projectId, input.providerId, ['input', 'providerId']) : []),
        ...(input.relatedResourceCodes ? await this.relatedProblems(em, ctx, input.relatedResourceCodes, metadata.code ?? r.code) : []),
        ...(await this.changeProblems(em, target, before)),
      ];
      if (problems.length) throw new UserErrorsException(problems);

      if (metadata.code !== before.code) {
        // 第五条: what the bureau published is known by its code; a code once published stays.
        if (published || r.version > 1 || (await publishedBefore(em, r.id))) {
          refuse(UserErrorCode.INVALID, '已发布过的信息资源代码不能变更', ['input', input.code ? 'code' : 'classificationCode'], '第五条');
        }
        r.code = await this.codeFor(em, ctx, r.classificationCode, metadata.code, r.id);
      }
      const items = dataItems ? itemsOfInput(dataItems) : null;
      if (published) {
        const draft = target as RevisionDraft;
        const next = { content: contentOf(draft), items: items ?? draft.draftItems };
        // An edit that leaves the published entry as it is (a re-import of the same row) opens no revision.
        if (!revision && canonicalJson(next) === canonicalJson({ content: contentOf(r), items: await itemsOf(em, r.id) })) return r;
        await em.save(
          em.create(ResourceRevision, {
            ...(revision ?? { resourceId: r.id, version: r.version + 1, status: RevisionStatus.DRAFT, createdBy: ctx.caller!.userId }),
            content: next.content,
            dataItems: next.items,
          }),
        );
        return r;
      }
      if (items) await replaceDataItems(em, r.id, items);
      r.searchText = searchTextOf(
        r.name,
        r.summary,
        (items ?? (await itemsOf(em, r.id))).map((i) => i.name),
      );
      return em.save(r);
    });
  }

  /**
   * Whether `input` would change the entry as its units see it (its open revision, if a published
   * entry has one): the same application of the input as `update`, nothing written. A catalogue
   * import counts a row that changes nothing as unchanged and leaves the entry alone: no revision,
   * no audit entry, the same lockVersion. An entry the caller cannot see counts as changed (update refuses it).
   */
  async changes(ctx: RequestContext, input: ResourceUpdateInput): Promise<boolean> {
    normalize(input);
    const em = readerOf(this.ds, ctx);
    const r = await em.findOneBy(InformationResource, { id: input.id });
    if (!r || !(await isVisibleTo(em, ctx.caller, r.id))) return true;
    const items = await itemsOf(em, r.id);
    const revision = r.status === ResourceStatus.PUBLISHED ? await em.findOneBy(ResourceRevision, { resourceId: r.id }) : null;
    const now = r.status === ResourceStatus.PUBLISHED ? draftOf(r, revision, items) : r;
    const nowItems = revision ? revision.dataItems : items;
    const next = Object.assign(Object.create(InformationResource.prototype) as InformationResource, now, {
      relatedResourceCodes: [...now.relatedResourceCodes],
    });
    applyEdit(next, input);
    const state = (x: InformationResource, code: string | null, list: RevisionItem[]) =>
      canonicalJson({ content: contentOf(x), code, items: list.map(({ name, dataType, length }) => ({ name, dataType, length: length ?? null })) });
    return state(now, r.code, nowItems) !== state(next, codeAfterEdit(r, next, input), input.dataItems ? itemsOfInput(input.dataItems) : nowItems);
  }

  /** 第八条、第十四条: the provider is the project's lead unit or one of its co-building units. */
  private async providerProblems(em: EntityManager, projectId: string, providerId: string, field: string[]): Promise<UserError[]> {
    if (!(await em.existsBy(Organization, { id: providerId }))) return [userError(UserErrorCode.NOT_FOUND, '提供方单位不存在', field)];
    if (!(await buildingUnitIds(em, projectId)).includes(providerId)) {
      return [userError(UserErrorCode.RULE_VIOLATION, '提供方须为该项目的牵头单位或共建单位', field, '第八条')];
    }
    return [];
  }

  /** Related resources must exist (as the caller can see them), and not be the entry itself. */
  private async relatedProblems(em: EntityManager, ctx: RequestContext, codes: string[], selfCode: string | null): Promise<UserError[]> {
    if (codes.length === 0) return [];
    const found = await filteredResources(em, ctx.caller).select('r.code', 'code').andWhere('r.code IN (:...codes)', { codes }).getRawMany();
    const known = new Set(found.map((row: { code: string }) => row.code));
    const out: UserError[] = [];
    codes.forEach((code, i) => {
      const field = ['input', 'relatedResourceCodes', String(i)];
      if (code === selfCode) out.push(userError(UserErrorCode.INVALID, '信息资源不能关联自身', field));
      else if (!known.has(code)) out.push(userError(UserErrorCode.NOT_FOUND, `关联资源代码 ${code} 不存在`, field));
    });
    return out;
  }

  private async changeProblems(em: EntityManager, r: InformationResource, before: ResourceBefore): Promise<UserError[]> {
    const out: UserError[] = [];
    for (const check of this.changeChecks) out.push(...(await check(em, r, before)));
    return out;
  }

  /**
   * The code of an entry: the given one when it is free, else the next free sequence under the
   * classification code. A given code is kept unique by the unique index (a writer that loses a
   * race is told the code is taken); the next sequence is serialised per classification code, in
   * CODE_LOCK_BUCKETS buckets: an advisory lock is held to the end of the transaction in PostgreSQL's
   * shared lock table (max_locks_per_transaction × connections, 6,400 by default), so a catalogue
   * import of 10,000 classifications in one transaction must not take one lock each.
   */
  private async codeFor(em: EntityManager, ctx: RequestContext, classificationCode: string, given: string | null, selfId: string | null): Promise<string> {
    if (!given) {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('information_resource_code'), hashtext($1) & $2)`, [classificationCode, CODE_LOCK_BUCKETS - 1]);
    }
    if (given) {
      const taken = await em.findOne(InformationResource, { where: { code: given }, select: { id: true } });
      if (taken && taken.id !== selfId) {
        // An entry the caller may not read is not named: the code is only "not available" (第五条、第十三条).
        if (!(await isVisibleTo(em, ctx.caller, taken.id)))
          refuse(UserErrorCode.INVALID, '该信息资源代码不可用，请另填或留空由系统按分类代码分配', ['input', 'code']);
        refuse(UserErrorCode.DUPLICATE, '该信息资源代码已被使用', ['input', 'code']);
      }
      return given;
    }
    const [{ seq }] = await em.query(
      `SELECT coalesce(max(substring(code from '/([0-9]{6})$')::int), 0) + 1 AS seq FROM information_resource WHERE code LIKE $1`,
      [`${classificationCode}/%`],
    );
    if (seq > 999999) refuse(UserErrorCode.OUT_OF_RANGE, `分类代码 ${classificationCode} 下的顺序号已用尽`, ['input', 'classificationCode']);
    return `${classificationCode}/${String(seq).padStart(6, '0')}`;
  }
}

/**
 * 第八条: the code of the project's entry (not retired) that has the name `name`, as published or in its
 * pending revision, other than `selfId`; null when none has it. Retired entries free their name.
 */
export async function codeOfEntryNamed(em: EntityManager, projectId: string, name: string, selfId: string | null = null): Promise<string | null> {
  const [taken]: { code: string }[] = await em.query(
    `SELECT code FROM information_resource
      WHERE project_id = $1 AND name = $2 AND status <> $3 AND ($4::uuid IS NULL OR id <> $4::uuid)
      UNION ALL
     SELECT r.code FROM resource_revision v JOIN information_resource r ON r.id = v.resource_id
      WHERE r.project_id = $1 AND v.content->>'name' = $2 AND r.status <> $3 AND ($4::uuid IS NULL OR r.id <> $4::uuid)
      LIMIT 1`,
    [projectId, name, ResourceStatus.RETIRED, selfId],
  );
  return taken?.code ?? null;
}

/**
 * 第八条: one project's catalogue names each resource once: a second entry of the same name (or a
 * rename onto one) is refused naming the entry that has it.
 * Serialised by the project row every writer of the project's catalogue locks first
 * (projectForChange, FOR UPDATE), so two writers cannot both pass.
 */
async function duplicateNameProblems(em: EntityManager, projectId: string, name: string, selfId: string | null): Promise<UserError[]> {
  const taken = await codeOfEntryNamed(em, projectId, name, selfId);
  if (!taken) return [];
  return [userError(UserErrorCode.DUPLICATE, `本项目已有同名信息资源「${name}」（代码 ${taken}）`, ['input', 'name'], '第八条')];
}

export async function publishedBefore(em: EntityManager, resourceId: string): Promise<boolean> {
  const rows = await em.query(`SELECT 1 FROM resource_version WHERE resource_id = $1 LIMIT 1`, [resourceId]);
  return rows.length > 0;
}

/** Fields that an update's null leaves as they are: they cannot be empty. */
const REQUIRED_ON_EDIT: string[] = ['catalogueKind', 'classificationCode', 'name', 'format', 'summary', 'relatedResourceCodes', 'providerId'];

/** An update's input applied to `target` (the entry, or its revision's view of it): what `update` saves and `changes` compares. */
function applyEdit(target: InformationResource, input: ResourceUpdateInput): void {
  const values = target as unknown as Record<string, unknown>;
  for (const key of REVISABLE) {
    const value = input[key];
    if (value === undefined || (value === null && REQUIRED_ON_EDIT.includes(key))) continue; // null keeps a value that cannot be empty
    values[key] = value;
  }
  if (input.summary === null) target.summary = '';
  if (input.relatedResourceCodes) target.relatedResourceCodes = [...new Set(input.relatedResourceCodes)];
}

/** The code an edit asks for: the given one, else the entry's own unless a new classification no longer fits it (null: the next free one). */
function codeAfterEdit(r: InformationResource, target: InformationResource, input: ResourceUpdateInput): string | null {
  const classificationChanged = input.classificationCode !== undefined && input.classificationCode !== null;
  return input.code ?? (classificationChanged && !r.code.startsWith(`${target.classificationCode}/`) ? null : r.code);
}

const itemsOfInput = (items: NonNullable<ResourceUpdateInput['dataItems']>): RevisionItem[] =>
  items.map(({ name, dataType, length }) => ({ name, dataType, length: length ?? null }));
