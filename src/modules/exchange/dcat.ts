import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { DataGrade, ResourceStatus } from '../catalogue';
import type { ResourceService } from '../catalogue';
import type { Organization } from '../organization';
import type { OrganizationService } from '../organization';
import { INTERFACE_KIND_LABEL, InterfaceKind, MountStatus } from '../sharing';
import { entryPage, ExportEntry } from './catalogue-export';
import { ACCESS_RIGHT, ACCESS_RIGHT_SCHEME, DATA_GRADE_EN, FREQUENCY, FREQUENCY_SCHEME, ZH } from './dcat.vocabulary';

export const CATALOGUE_TITLE = '宿城区政务信息资源目录';
export const CATALOGUE_DESCRIPTION = '宿城区政务信息化项目登记、经大数据管理局审核发布的政务信息资源目录及其共享接口（宿区政办发〔2023〕6号 第五条、第九条）';
/** The catalogue's publisher: the bureau that reviews and publishes it (第五条). */
export const CATALOGUE_PUBLISHER = '宿城区大数据管理局';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  hub: 'urn:catalogue-hub:vocabulary#',
};

/** Interfaces that are services a consumer calls (dcat:DataService), beside the distribution. */
const SERVICE_KINDS = [InterfaceKind.REST_API, InterfaceKind.WEB_SERVICE];

type Node = Record<string, unknown>;
const zh = (value: string) => ({ '@value': value, '@language': 'zh' });
const en = (value: string) => ({ '@value': value, '@language': 'en' });
const ref = (id: string) => ({ '@id': id });

interface DcatPage {
  document: Node;
  count: number;
}

/**
 * The published catalogue as DCAT-AP 3.0.1 JSON-LD, one page of datasets at a time (hydra paging
 * by the keyset cursor of the `resources` query). Only what every caller may read: published entries.
 */
export class DcatExport {
  constructor(
    private readonly ds: DataSource,
    private readonly resources: ResourceService,
    private readonly organizations: OrganizationService,
  ) {}

  async page(ctx: RequestContext, base: string, args: { first: number; after?: string }): Promise<DcatPage> {
    const publicCtx: RequestContext = { ...ctx, caller: null };
    const { entries, page } = await entryPage(this.ds, this.resources, publicCtx, { status: ResourceStatus.PUBLISHED }, args);
    const graph = new Map<string, Node>();
    const add = (node: Node) => graph.set(node['@id'] as string, { ...(graph.get(node['@id'] as string) ?? {}), ...node });
    const iri = {
      catalogue: `${base}/catalogue/dcat.jsonld`,
      dataset: (code: string) => `${base}/catalogue/datasets/${encodeURIComponent(code)}`,
      agent: (o: Organization) => `${base}/organizations/${o.creditCode}`,
      grade: (g: DataGrade) => `${base}/vocabulary/data-grade/${g}`,
    };
    const agent = (o: Organization) => {
      add({ '@id': iri.agent(o), '@type': 'foaf:Agent', 'foaf:name': zh(o.name), 'dct:identifier': o.creditCode });
      return ref(iri.agent(o));
    };
    const concept = (id: string, types: string[], labels: { zh: string; en: string }, scheme: { iri: string; title: string }) => {
      add({ '@id': scheme.iri, '@type': 'skos:ConceptScheme', 'dct:title': en(scheme.title) });
      add({ '@id': id, '@type': ['skos:Concept', ...types], 'skos:prefLabel': [zh(labels.zh), en(labels.en)], 'skos:inScheme': ref(scheme.iri) });
      return ref(id);
    };

    const publisher = (await this.organizations.list(publicCtx, { nameContains: CATALOGUE_PUBLISHER })).nodes.find((o) => o.name === CATALOGUE_PUBLISHER);
    const services: string[] = [];
    const datasets = entries.map((e) => this.dataset(e, iri.dataset(e.resource.code), { add, agent, concept, services, grade: iri.grade, base }));

    const view: Node = {
      '@id': args.after ? `${iri.catalogue}?after=${encodeURIComponent(args.after)}` : iri.catalogue,
      '@type': 'hydra:PartialCollectionView',
      'hydra:first': ref(iri.catalogue),
    };
    if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) view['hydra:next'] = ref(`${iri.catalogue}?after=${encodeURIComponent(page.pageInfo.endCursor)}`);
    add({
      '@id': iri.catalogue,
      '@type': ['dcat:Catalog', 'hydra:Collection'],
      'dct:title': zh(CATALOGUE_TITLE),
      'dct:description': zh(CATALOGUE_DESCRIPTION),
      'dct:publisher': publisher
        ? agent(publisher)
        : (add({ '@id': `${base}/organizations/publisher`, '@type': 'foaf:Agent', 'foaf:name': zh(CATALOGUE_PUBLISHER) }),
          ref(`${base}/organizations/publisher`)),
      'dcat:dataset': datasets.map(ref),
      'dcat:service': services.map(ref),
      'hydra:totalItems': page.totalCount,
      'hydra:view': view,
    });
    return { document: { '@context': CONTEXT, '@graph': [...graph.values()] }, count: entries.length };
  }

  private dataset(
    e: ExportEntry,
    id: string,
    h: {
      add: (n: Node) => void;
      agent: (o: Organization) => unknown;
      concept: (id: string, types: string[], labels: { zh: string; en: string }, scheme: { iri: string; title: string }) => unknown;
      services: string[];
      grade: (g: DataGrade) => string;
      base: string;
    },
  ): string {
    const r = e.resource;
    const node: Node = {
      '@id': id,
      '@type': 'dcat:Dataset',
      'dct:title': zh(r.name),
      'dct:description': zh(r.summary || r.name),
      'dct:identifier': r.code,
      'dcat:keyword': e.items.slice(0, 50).map((i) => zh(i.name)),
    };
    if (e.provider) node['dct:publisher'] = h.agent(e.provider);
    if (r.updateFrequency) {
      const f = FREQUENCY[r.updateFrequency];
      node['dct:accrualPeriodicity'] = h.concept(f.iri, ['dct:Frequency'], { zh: ZH.frequency[r.updateFrequency], en: f.en }, FREQUENCY_SCHEME);
    }
    if (r.openType) {
      const a = ACCESS_RIGHT[r.openType];
      node['dct:accessRights'] = h.concept(a.iri, ['dct:RightsStatement'], { zh: ZH.accessRight[r.openType], en: a.en }, ACCESS_RIGHT_SCHEME);
    }
    if (r.dataGrade) {
      const scheme = { iri: `${h.base}/vocabulary/data-grade`, title: 'Data grade (GB/T 43697)' };
      node['hub:dataGrade'] = h.concept(h.grade(r.dataGrade), [], { zh: ZH.dataGrade[r.dataGrade], en: DATA_GRADE_EN[r.dataGrade] }, scheme);
    }
    if (r.publishedOn) node['dct:issued'] = { '@value': r.publishedOn, '@type': 'xsd:date' };
    if (r.relatedResourceCodes.length) node['dct:relation'] = r.relatedResourceCodes.map((c) => ref(`${h.base}/catalogue/datasets/${encodeURIComponent(c)}`));
    const live = e.interfaces.filter((i) => i.mountStatus !== MountStatus.WITHDRAWN);
    node['dcat:distribution'] = live.map((i) => {
      const distribution: Node = {
        '@id': `${id}/distributions/${i.id}`,
        '@type': 'dcat:Distribution',
        'dct:title': zh(`${r.name}（${INTERFACE_KIND_LABEL[i.kind]}）`),
        'dcat:accessURL': ref(i.endpoint),
      };
      if (SERVICE_KINDS.includes(i.kind)) {
        const service = `${h.base}/catalogue/services/${i.id}`;
        h.add({
          '@id': service,
          '@type': 'dcat:DataService',
          'dct:title': zh(`${r.name}（${INTERFACE_KIND_LABEL[i.kind]}）`),
          'dcat:endpointURL': ref(i.endpoint),
          'dcat:servesDataset': ref(id),
        });
        h.services.push(service);
        // The ranges shapes want the endpoint typed as the class of its range (no RDFS inference there).
        h.add({ '@id': i.endpoint, '@type': 'rdfs:Resource' });
        distribution['dcat:accessService'] = ref(service);
      }
      h.add(distribution);
      return ref(distribution['@id'] as string);
    });
    h.add(node);
    return id;
  }
}

/** A JSON-LD document as Turtle, with the document's prefixes. */
export async function toTurtle(document: Node): Promise<string> {
  const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
  const quads = new Parser({ format: 'N-Quads' }).parse(nquads);
  const writer = new Writer({ prefixes: CONTEXT });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}
