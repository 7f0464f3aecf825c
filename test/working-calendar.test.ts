import { Clock, fixedClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { calendarCovers } from '../src/common/working-days';
import { ResourceStatus, SharingType } from '../src/modules/catalogue';
import { codeOf, insertProject, orgId } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { insertResource } from './support/projects';
import { USER_ERRORS } from './support/documents';

/** The hub's clock: 18 December 2026, when 10 working days run into 2027. */
const clock: Clock = fixedClock('2026-12-18T10:00:00+08:00');

let hub: TestHub;
let admin: string;
let resourceId: string;
let civilAffairs: string;

const SET = `mutation ($input: WorkingCalendarYearSetInput!) {
  workingCalendarYearSet(input: $input) { workingCalendarYear { year title documentNumber issuedOn url source holidays { name from to } makeupWorkdays { date for } } ${USER_ERRORS} }
}`;
const YEARS = `{ workingCalendarYears { year source fromNotice notice { documentNumber } } }`;

/**
 * A notice for 2027 made up for this spec (not the real one, which is not published yet): 元旦
 * 1 to 4 January, a make-up Saturday on 9 January, 春节 6 to 13 February.
 */
const notice2027 = (over: Record<string, unknown> = {}) => ({
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  documentNumber: '国办发明电〔2026〕99号',
  issuedOn: '2026-11-20',
  url: 'https://www.gov.cn/zhengce/content/example.htm',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-04' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
  ],
  makeupWorkdays: [{ date: '2027-01-09', for: '元旦' }],
  ...over,
});

async function set(input: Record<string, unknown>, who = admin) {
  const out = await hub.gql(SET, { input }, who);
  expect(out.errors).toBeUndefined();
  return out.data.workingCalendarYearSet as { workingCalendarYear: any; userErrors: any[] };
}

/** What an entry of a year writes: the calendar table, the due dates, and this process's calendar. */
async function written() {
  const [rows, dues] = await Promise.all([
    hub.ds.query(`SELECT year, source, document_number, holidays, makeup_workdays FROM working_calendar_year ORDER BY year`),
    hub.ds.query(`SELECT id, due_on::text AS due FROM sharing_request ORDER BY id`),
  ]);
  return { rows, dues, covers2027: calendarCovers('2027-01-01', '2027-12-31') };
}

beforeAll(async () => {
  hub = await startTestHub({}, 'organizations', clock);
  admin = await hub.token(Role.ADMIN);
  const education = await orgId(hub.ds, 'education');
  civilAffairs = await hub.token(Role.PROJECT_UNIT, codeOf('civil-affairs'));
  const project = await insertProject(hub.ds, 'education');
  resourceId = (
    await insertResource(hub, project.id, education, {
      status: ResourceStatus.PUBLISHED,
      sharingType: SharingType.CONDITIONAL,
      sharingCondition: '仅用于社会救助审核',
      name: '学生资助对象信息',
    })
  ).id;
});
afterAll(() => hub.close());

describe('workingCalendarYears', () => {
  it('lists the seeded year from its notice, and the coming year as provisional', async () => {
    const out = await hub.gql(YEARS, {}, civilAffairs);
    expect(out.errors).toBeUndefined();
    expect(out.data.workingCalendarYears).toEqual([
      { year: 2026, source: 'SEED', fromNotice: true, notice: { documentNumber: '国办发明电〔2025〕7号' } },
      { year: 2027, source: 'PROVISIONAL', fromNotice: false, notice: null },
    ]);
  });
});

describe('workingCalendarYearSet', () => {
  const refusals: [string, Record<string, unknown>, { code: string; field: string[]; message: string }][] = [
    ['an empty title', notice2027({ title: '  ' }), { code: 'REQUIRED', field: ['input', 'title'], message: '通知标题不能为空' }],
    ['a year out of range', notice2027({ year: 1899 }), { code: 'OUT_OF_RANGE', field: ['input', 'year'], message: '年度须为1900至2100之间的整数' }],
    [
      'an issue date that is no real date',
      notice2027({ issuedOn: '2026-11-31' }),
      { code: 'INVALID', field: ['input', 'issuedOn'], message: '发布日期须为真实日期（YYYY-MM-DD）' },
    ],
    ['a url that is no web address', notice2027({ url: 'ftp://x' }), { code: 'INVALID', field: ['input', 'url'], message: '通知网址须为 http 或 https 地址' }],
    [
      'a holiday date that is no real date',
      notice2027({ holidays: [{ name: '春节', from: '2027-02-30', to: '2027-03-01' }] }),
      { code: 'INVALID', field: ['input', 'holidays', '0', 'from'], message: '起始日须为真实日期（YYYY-MM-DD）' },
    ],
    [
      'a holiday outside the year',
      notice2027({ holidays: [{ name: '元旦', from: '2027-01-01', to: '2028-01-01' }] }),
      { code: 'OUT_OF_RANGE', field: ['input', 'holidays', '0', 'to'], message: '截止日须在2027年内' },
    ],
    [
      'a range whose end comes before its start',
      notice2027({ holidays: [{ name: '春节', from: '2027-02-13', to: '2027-02-06' }] }),
      { code: 'INVALID', field: ['input', 'holidays', '0', 'to'], message: '截止日不能早于起始日' },
    ],
    [
      'overlapping holiday ranges',
      notice2027({
        holidays: [
          { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
          { name: '元旦', from: '2027-01-03', to: '2027-01-04' },
        ],
      }),
      { code: 'DUPLICATE', field: ['input', 'holidays', '1', 'from'], message: '2027-01-03 已在第1项放假安排中' },
    ],
    [
      'a make-up day on a weekday',
      notice2027({ makeupWorkdays: [{ date: '2027-01-06' }] }),
      { code: 'INVALID', field: ['input', 'makeupWorkdays', '0', 'date'], message: '2027-01-06 不是周六或周日，不能作为调休上班日' },
    ],
    [
      'a day both holiday and make-up day',
      notice2027({ makeupWorkdays: [{ date: '2027-01-02' }] }),
      { code: 'INVALID', field: ['input', 'makeupWorkdays', '0', 'date'], message: '2027-01-02 既是放假日又是调休上班日' },
    ],
    [
      'a year already entered, without replace',
      notice2027({ year: 2026, holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-03' }], makeupWorkdays: [] }),
      { code: 'DUPLICATE', field: ['input', 'replace'], message: '2026年的节假日安排已录入（国办发明电〔2025〕7号）；如需替换，请设 replace 为 true' },
    ],
  ];

  it.each(refusals)('refuses %s and writes nothing', async (_what, input, expected) => {
    const before = await written();
    const out = await set(input);
    expect(out.workingCalendarYear).toBeNull();
    expect(out.userErrors).toEqual([{ ...expected, article: null }]);
    expect(await written()).toEqual(before);
  });

  it('is for ADMIN only', async () => {
    const out = await hub.gql(SET, { input: notice2027() }, civilAffairs);
    expect(out.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(calendarCovers('2027-01-01', '2027-12-31')).toBe(false);
  });

  it('enters a year: the calendar has it at once, and a provisional due date in it is recomputed', async () => {
    const CREATE = `mutation ($input: SharingRequestCreateInput!) { sharingRequestCreate(input: $input) { sharingRequest { id dueOn dueOnProvisional } ${USER_ERRORS} } }`;
    const made = await hub.gql(CREATE, { input: { resourceId, purpose: '核验低保对象家庭经济状况' } }, civilAffairs);
    // 21-25, 28-31 December are nine working days; 1 January is a statutory holiday every year; 4 January is the tenth.
    expect(made.data.sharingRequestCreate.sharingRequest).toMatchObject({ dueOn: '2027-01-04', dueOnProvisional: true });
    const id = made.data.sharingRequestCreate.sharingRequest.id;

    const out = await set(notice2027());
    expect(out.userErrors).toEqual([]);
    expect(out.workingCalendarYear).toMatchObject({
      year: 2027,
      source: 'ENTERED',
      documentNumber: '国办发明电〔2026〕99号',
      makeupWorkdays: [{ date: '2027-01-09', for: '元旦' }],
    });
    expect(calendarCovers('2027-01-01', '2027-12-31')).toBe(true);
    // The notice makes 4 January a holiday: the tenth working day is 5 January, and final.
    const [row] = await hub.ds.query(`SELECT due_on::text AS d FROM sharing_request WHERE id = $1`, [id]);
    expect(row.d).toBe('2027-01-05');
    const read = await hub.gql(`{ sharingRequests { edges { node { id dueOn dueOnProvisional } } } }`, {}, civilAffairs);
    expect(read.data.sharingRequests.edges).toEqual([{ node: { id, dueOn: '2027-01-05', dueOnProvisional: false } }]);

    const years = await hub.gql(YEARS, {}, civilAffairs);
    expect(years.data.workingCalendarYears).toEqual([
      { year: 2026, source: 'SEED', fromNotice: true, notice: { documentNumber: '国办发明电〔2025〕7号' } },
      { year: 2027, source: 'ENTERED', fromNotice: true, notice: { documentNumber: '国办发明电〔2026〕99号' } },
    ]);

    // Entered again only when the input says so.
    expect((await set(notice2027({ documentNumber: '国办发明电〔2026〕100号' }))).userErrors).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'replace'] }),
    ]);
    const replaced = await set(notice2027({ documentNumber: '国办发明电〔2026〕100号', replace: true }));
    expect(replaced.userErrors).toEqual([]);
    expect(replaced.workingCalendarYear.documentNumber).toBe('国办发明电〔2026〕100号');
  });
});
