import { Table } from 'antd';
import { entryFields, fieldLabel, label } from '../format';

/** An entry's fields as a published version's snapshot keeps them (CatalogueRecord), for comparing two states of it. */
export interface EntryRecord {
  [field: string]: unknown;
  dataItems?: { position?: number; name: string; dataType: string; length: number | null }[];
}

/** The fields compared: every field the catalogue names (generated/catalogue.json) but the ids, the code (never changes) and the data items (below). */
const FIELDS = entryFields.filter((k) => !['id', 'code', 'projectId', 'providerId', 'dataItems'].includes(k));
/** The enum fields, by their type. */
const ENUM: Record<string, string> = {
  catalogueKind: 'CatalogueKind',
  format: 'ResourceFormat',
  sharingType: 'SharingType',
  sharingMethod: 'SharingMethod',
  openType: 'OpenType',
  updateFrequency: 'UpdateFrequency',
  dataGrade: 'DataGrade',
};

/** An entry as the API reads it (InformationResource, or a revision's entry) in the shape of a published snapshot. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function recordOf(r: any): EntryRecord {
  return {
    ...Object.fromEntries(FIELDS.map((k) => [k, r[k] ?? null])),
    providerName: r.provider?.name ?? r.providerName ?? null,
    relatedResourceCodes: [...(r.relatedResourceCodes ?? [])].sort(),
    dataItems: (r.dataItems ?? []).map((d: { name: string; dataType: string; length: number | null }) => ({
      name: d.name,
      dataType: d.dataType,
      length: d.length ?? null,
    })),
  };
}

function shown(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join('、') : '—';
  return ENUM[field] ? label(ENUM[field], String(v)) : String(v);
}

const itemText = (d: { dataType: string; length: number | null }) => `类型 ${label('DataItemType', d.dataType)}${d.length ? `，长度 ${d.length}` : ''}`;

interface Row {
  key: string;
  field: string;
  before: string;
  after: string;
}

/** What changes from `before` to `after`: each field by its Chinese name, each data item by name (新增、删除、修改). */
export function changesOf(before: EntryRecord, after: EntryRecord): Row[] {
  const rows: Row[] = [];
  for (const k of FIELDS) {
    const a = shown(k, before[k]);
    const b = shown(k, after[k]);
    if (a !== b) rows.push({ key: k, field: fieldLabel(k), before: a, after: b });
  }
  const was = new Map((before.dataItems ?? []).map((d) => [d.name, d]));
  const now = new Map((after.dataItems ?? []).map((d) => [d.name, d]));
  const item = fieldLabel('dataItems');
  for (const [name, d] of was) if (!now.has(name)) rows.push({ key: `-${name}`, field: `删除${item}「${name}」`, before: itemText(d), after: '—' });
  for (const [name, d] of now) {
    const old = was.get(name);
    if (!old) rows.push({ key: `+${name}`, field: `新增${item}「${name}」`, before: '—', after: itemText(d) });
    else if (old.dataType !== d.dataType || (old.length ?? null) !== (d.length ?? null)) {
      const parts: [string, string][] = [];
      if (old.dataType !== d.dataType) parts.push([`类型 ${label('DataItemType', old.dataType)}`, `类型 ${label('DataItemType', d.dataType)}`]);
      if ((old.length ?? null) !== (d.length ?? null)) parts.push([`长度 ${old.length ?? '—'}`, `长度 ${d.length ?? '—'}`]);
      rows.push({ key: `~${name}`, field: `修改${item}「${name}」`, before: parts.map((p) => p[0]).join('，'), after: parts.map((p) => p[1]).join('，') });
    }
  }
  const order = (list: EntryRecord['dataItems']) => (list ?? []).map((d) => d.name).filter((n) => was.has(n) && now.has(n));
  if (order(before.dataItems).join('\u0000') !== order(after.dataItems).join('\u0000')) {
    rows.push({ key: 'order', field: `${item}顺序`, before: order(before.dataItems).join('、'), after: order(after.dataItems).join('、') });
  }
  return rows;
}

/** The changes from one state of an entry to another, as a table: 字段, its value before and after. */
export function ResourceDiff({
  before,
  after,
  beforeTitle,
  afterTitle,
  label: name,
}: {
  before: EntryRecord;
  after: EntryRecord;
  beforeTitle: string;
  afterTitle: string;
  label: string;
}) {
  return (
    <Table
      aria-label={name}
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={changesOf(before, after)}
      locale={{ emptyText: '没有差异' }}
      columns={[
        { title: '字段', dataIndex: 'field', width: 220 },
        { title: beforeTitle, dataIndex: 'before' },
        { title: afterTitle, dataIndex: 'after' },
      ]}
    />
  );
}
