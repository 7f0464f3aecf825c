import { execFile } from 'node:child_process';
import path from 'node:path';
import jsonld from 'jsonld';
import { Parser, Quad } from 'n3';
import { Role } from '../src/common/role.enums';
import { codeOf, insertProject, PUBLISH, SUBMIT } from './support/catalogue';
import { download, filledTemplate, row, upload } from './support/exchange';
import { startTestHub, TestHub } from './support/hub';

const SHAPES = ['dcat-ap-3.0.1-shapes.ttl', 'dcat-ap-3.0.1-ranges.ttl'].map((f) => path.join(__dirname, 'fixtures/dcat-ap-3', f));
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** The SHACL report of `nquads` against each shapes file, from rdf-validate-shacl. */
function validate(nquads: string): Promise<{ triples: number; reports: Record<string, { conforms: boolean; results: unknown[] }> }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'support/shacl-validate.mjs'), ...SHAPES], { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(nquads);
  });
}

let hub: TestHub;
/** The hub's public address: the catalogue's IRIs are built on it. */
const PUBLIC = 'https://catalogue.sucheng.gov.cn';

async function dcatPage(query = ''): Promise<any> {
  const res = await download(hub, `/catalogue/dcat.jsonld${query}`);
  expect(res.status).toBe(200);
  expect(res.type).toBe('application/ld+json; charset=utf-8');
  return JSON.parse(res.body.toString('utf8'));
}

beforeAll(async () => {
  hub = await startTestHub({ MAX_PAGE_SIZE: '2', PUBLIC_URL: PUBLIC });
  const project = await insertProject(hub.ds, 'education', ['student-aid-center']);
  const edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  const bureau = await hub.token(Role.BIG_DATA_BUREAU);
  const template = (await download(hub, '/catalogue/template.xlsx')).body;
  const file = await filledTemplate(
    template,
    [
      row({ 信息资源代码: '301001/000001', 发布日期: '2027-01-15', 开放类型: '无条件开放', 更新周期: '实时' }),
      row({
        信息资源名称: '学籍信息',
        目: '002',
        信息资源代码: '301002/000001',
        共享类型: '有条件共享',
        '共享条件/不予共享依据': '仅用于资助审核',
        开放类型: '有条件开放',
        开放条件: '脱敏',
        更新周期: '每半年',
        关联资源代码: '301001/000001',
        提供方: codeOf('student-aid-center'),
      }),
      row({
        信息资源名称: '档案',
        目: '003',
        信息资源代码: '301003/000001',
        共享类型: '不予共享',
        '共享条件/不予共享依据': '《档案法》',
        摘要: '',
        数据分级: '核心数据',
        更新周期: '不定期',
      }),
      row({ 信息资源名称: '未发布的草稿', 目: '004', 信息资源代码: '301004/000001' }),
    ],
    [
      ['301001/000001', 'REST 接口', 'https://api.suqian.gov.cn/edu/aid', '实时'],
      ['301002/000001', '文件传输', 'sftp://files.suqian.gov.cn/edu', '每日'],
      ['301002/000001', '库表同步', 'postgresql://db.suqian.gov.cn:5432/edu', '每日'],
    ],
  );
  expect((await upload(hub, `project=${project.code}`, file, 'c.xlsx', edu)).body).toMatchObject({ written: true, created: 4 });
  for (const code of ['301001/000001', '301002/000001', '301003/000001']) {
    const { data } = await hub.gql(`{ resource(code: "${code}") { id } }`, {}, edu);
    expect((await hub.gql(SUBMIT, { id: data.resource.id }, edu)).data.resourceSubmit.userErrors).toEqual([]);
    expect((await hub.gql(PUBLISH, { id: data.resource.id }, bureau)).data.resourcePublish.userErrors).toEqual([]);
  }
});
afterAll(() => hub.close());

describe('GET /catalogue/dcat.jsonld', () => {
  it('is the published catalogue as DCAT-AP 3.0.1, paged, with zero violations of the official SHACL shapes', async () => {
    const first = await dcatPage();
    const catalog = first['@graph'].find((n: any) => [n['@type']].flat().includes('dcat:Catalog'));
    expect(catalog['hydra:totalItems']).toBe(3); // the draft is not published
    expect(catalog['dcat:dataset']).toHaveLength(2);
    const next = new URL(catalog['hydra:view']['hydra:next']['@id']);
    const second = await dcatPage(next.search);
    const last = second['@graph'].find((n: any) => [n['@type']].flat().includes('dcat:Catalog'));
    expect(last['dcat:dataset']).toHaveLength(1);
    expect(last['hydra:view']['hydra:next']).toBeUndefined();

    for (const doc of [first, second]) {
      const nquads = (await jsonld.toRDF(doc, { format: 'application/n-quads' })) as unknown as string;
      const { triples, reports } = await validate(nquads);
      expect(triples).toBeGreaterThan(20);
      for (const report of Object.values(reports)) expect(report).toEqual({ conforms: true, results: [] });
    }
  });

  it('maps frequency and openness to the EU vocabularies, types every concept, and gives agents, distributions and services', async () => {
    const docs = [await dcatPage()];
    const next = docs[0]['@graph'].find((n: any) => n['hydra:view'])['hydra:view']['hydra:next']['@id'];
    docs.push(await dcatPage(new URL(next).search));
    const quads: Quad[] = [];
    for (const doc of docs)
      quads.push(...new Parser({ format: 'N-Quads' }).parse((await jsonld.toRDF(doc, { format: 'application/n-quads' })) as unknown as string));
    const objects = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
    const types = (s: string) => objects(s, RDF_TYPE);
    const dataset = quads.find((q) => q.predicate.value === 'http://purl.org/dc/terms/identifier' && q.object.value === '301001/000001')!.subject.value;
    expect(types(dataset)).toContain('http://www.w3.org/ns/dcat#Dataset');
    const EU = 'http://publications.europa.eu/resource/authority';
    expect(objects(dataset, 'http://purl.org/dc/terms/accrualPeriodicity')).toEqual([`${EU}/frequency/UPDATE_CONT`]);
    expect(objects(dataset, 'http://purl.org/dc/terms/accessRights')).toEqual([`${EU}/access-right/PUBLIC`]);
    expect(objects(dataset, 'http://www.w3.org/ns/dcat#keyword')).toEqual(expect.arrayContaining(['姓名', '身份证号']));
    const archive = quads.find((q) => q.object.value === '301003/000001')!.subject.value;
    expect(objects(archive, 'http://purl.org/dc/terms/accessRights')).toEqual([`${EU}/access-right/NON_PUBLIC`]);
    expect(objects(archive, 'http://purl.org/dc/terms/description')).toEqual(['档案']); // no summary: the title describes it
    const grade = objects(archive, 'urn:catalogue-hub:vocabulary#dataGrade')[0];
    expect(objects(grade, 'http://www.w3.org/2004/02/skos/core#prefLabel')).toEqual(expect.arrayContaining(['核心数据']));
    const school = quads.find((q) => q.object.value === '301002/000001')!.subject.value;
    expect(objects(school, 'http://purl.org/dc/terms/accrualPeriodicity')).toEqual([`${EU}/frequency/ANNUAL_2`]);
    expect(objects(school, 'http://purl.org/dc/terms/accessRights')).toEqual([`${EU}/access-right/RESTRICTED`]);
    expect(objects(school, 'http://www.w3.org/ns/dcat#distribution')).toHaveLength(2);
    const publisher = objects(school, 'http://purl.org/dc/terms/publisher')[0];
    expect(types(publisher)).toEqual(['http://xmlns.com/foaf/0.1/Agent']);
    expect(objects(publisher, 'http://purl.org/dc/terms/identifier')).toEqual([codeOf('student-aid-center')]);
    // Every concept the datasets point to is typed as its class, with a label.
    for (const [p, cls] of [
      ['accrualPeriodicity', 'Frequency'],
      ['accessRights', 'RightsStatement'],
    ]) {
      for (const c of new Set(quads.filter((q) => q.predicate.value === `http://purl.org/dc/terms/${p}`).map((q) => q.object.value))) {
        expect(types(c)).toEqual(expect.arrayContaining(['http://www.w3.org/2004/02/skos/core#Concept', `http://purl.org/dc/terms/${cls}`]));
      }
    }
    const distribution = objects(dataset, 'http://www.w3.org/ns/dcat#distribution')[0];
    expect(objects(distribution, 'http://www.w3.org/ns/dcat#accessURL')).toEqual(['https://api.suqian.gov.cn/edu/aid']);
    const service = objects(distribution, 'http://www.w3.org/ns/dcat#accessService')[0];
    expect(types(service)).toEqual(['http://www.w3.org/ns/dcat#DataService']);
    expect(objects(service, 'http://www.w3.org/ns/dcat#endpointURL')).toEqual(['https://api.suqian.gov.cn/edu/aid']);
  });

  it('also answers Turtle, and a bad cursor is a clear 400', async () => {
    const ttl = await download(hub, '/catalogue/dcat.ttl');
    expect(ttl.type).toBe('text/turtle; charset=utf-8');
    const quads = new Parser({ format: 'Turtle' }).parse(ttl.body.toString('utf8'));
    expect(quads.some((q) => q.object.value === 'http://www.w3.org/ns/dcat#Catalog')).toBe(true);
    const bad = await download(hub, '/catalogue/dcat.jsonld?after=garbage');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error.code).toBe('BAD_USER_INPUT');
  });

  it('builds its IRIs on PUBLIC_URL, whatever Host a client sends', async () => {
    const res = await fetch(`${hub.url}/catalogue/dcat.jsonld`, { headers: { host: 'evil.example' } });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    const ids = doc['@graph'].map((n: any) => n['@id']).filter((id: unknown) => typeof id === 'string' && /^https?:/.test(id as string));
    const own = ids.filter(
      (id: string) => !id.startsWith('https://api.') && !id.startsWith('http://publications.europa.eu') && !id.startsWith('http://www.w3.org'),
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((id: string) => !id.startsWith(`${PUBLIC}/`))).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('evil.example');
  });
});
