import { EntityManager } from 'typeorm';
import { InformationResource } from './information-resource.entity';
import { DataItem } from './data-item.entity';
import { REVISABLE, ResourceRevision, RevisionContent, RevisionItem } from './resource-revision.entity';
import { searchTextOf } from './resource.rules';

/**
 * 第五条、第十七条: the revision of a published entry. The entry's row stays the published version
 * (what readers, search, facets, completeness, sharing requests and exports read) until the bureau
 * publishes the revision; these helpers make the revision's view of the entry and apply it.
 */

/** An entry as its revision would make it: not saved, the data items beside it. */
export type RevisionDraft = InformationResource & { draftItems: RevisionItem[]; draftOf: ResourceRevision | null };

export function contentOf(r: InformationResource): RevisionContent {
  return Object.fromEntries(REVISABLE.map((k) => [k, r[k]])) as RevisionContent;
}

/** The entry `r` (published) with the revision's content over it, at the revision's version; unsaved. */
export function draftOf(r: InformationResource, revision: ResourceRevision | null, items: RevisionItem[]): RevisionDraft {
  const draft = Object.assign(Object.create(InformationResource.prototype) as InformationResource, r, revision?.content ?? {}) as RevisionDraft;
  draft.version = revision?.version ?? r.version + 1;
  draft.status = r.status;
  draft.returnReason = revision?.returnReason ?? null;
  draft.draftItems = revision ? revision.dataItems : items;
  draft.draftOf = revision;
  return draft;
}

export async function lockRevision(em: EntityManager, resourceId: string): Promise<ResourceRevision | null> {
  return em.findOne(ResourceRevision, { where: { resourceId }, lock: { mode: 'pessimistic_write' } });
}

export async function itemsOf(em: EntityManager, resourceId: string): Promise<RevisionItem[]> {
  const items = await em.find(DataItem, { where: { resourceId }, order: { position: 'ASC' } });
  return items.map(({ name, dataType, length }) => ({ name, dataType, length }));
}

/** Replaces the data items of an entry with `items`, numbered from 1 in the order given. */
export async function replaceDataItems(em: EntityManager, resourceId: string, items: RevisionItem[]): Promise<void> {
  await em.delete(DataItem, { resourceId });
  if (items.length === 0) return;
  await em.insert(
    DataItem,
    items.map((item, i) => ({ resourceId, position: i + 1, name: item.name, dataType: item.dataType, length: item.length ?? null })),
  );
}

/** 第五条: the bureau publishes a revision: it becomes the entry's row at its version, and is gone. */
export async function applyRevision(em: EntityManager, r: InformationResource, revision: ResourceRevision): Promise<InformationResource> {
  Object.assign(r, revision.content);
  r.version = revision.version;
  r.returnReason = null;
  await replaceDataItems(em, r.id, revision.dataItems);
  r.searchText = searchTextOf(
    r.name,
    r.summary,
    revision.dataItems.map((i) => i.name),
  );
  await em.delete(ResourceRevision, { id: revision.id });
  return r;
}
