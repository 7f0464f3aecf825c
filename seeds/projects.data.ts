/**
 * The demo district's projects and their catalogues: a dozen projects at different stages, each
 * with the resources it produces (信息资源) and their data items (信息项). Sharing type, open type,
 * update frequency and grade are spread over every value by `seeds/catalogue.ts`.
 */
import { CatalogueKind, DataItemType, ResourceFormat } from '../src/modules/catalogue';
import { ProjectCategory, ProjectStatus } from '../src/modules/project';

export interface DemoResource {
  name: string;
  kind: CatalogueKind;
  /** 项 (2 digits) + 目 (3 digits) under the kind's 类 digit. */
  classification: string;
  format: ResourceFormat;
  subFormat?: string;
  summary: string;
  items: [string, DataItemType, number | null][];
  /** A draft still missing its sharing analysis and data items, as units leave them. */
  incomplete?: boolean;
}

/** What became of a project's acceptance (第二十四条至第二十六条), at demo instants (Asia/Shanghai). */
export interface DemoAcceptance {
  appliedAt: string;
  opinionsAt: string;
  result: 'PASSED' | 'FAILED';
  acceptedOn: string;
  filedOn?: string;
}

export interface DemoProject {
  code: string;
  name: string;
  lead: string;
  coBuilding?: string[];
  crossDepartment?: boolean;
  category: ProjectCategory;
  upgrades?: string;
  planYear: number;
  totalBudget: string;
  budgetYears?: [number, string][];
  fundingSource: string;
  status: ProjectStatus;
  goLiveDate?: string;
  trialEndDate?: string;
  rejectionReason?: string;
  /** Every resource published and every interface mounted and aggregated: a project that passes acceptance. */
  complete?: boolean;
  acceptance?: DemoAcceptance;
  /** 第八条 建设工期 [first, last year]; by default the plan year to the last budget year. */
  constructionYears?: [number, number];
  /** 第十四条: units named as co-building units that have not answered yet (the ones in `coBuilding` accepted). */
  pendingCoBuilding?: string[];
  /** 第三十三条: what the office did after the project reached `status` (seeds/rectification.ts). */
  sanction?: DemoSanction;
  resources: DemoResource[];
}

/** 第三十三条: a rectification under way (ORDERED), or one refused and followed by suspension (SUSPENDED). */
export interface DemoSanction {
  outcome: 'RECTIFYING' | 'SUSPENDED';
  reason: string;
  findings: string[];
  /** Days from the seed's today to the due date. */
  dueInDays: number;
  report?: { text: string; materials: string[] };
  refusal?: string;
  suspension?: string;
}

/** The status a demo project shows once seeded: its rectification or suspension, else its acceptance's outcome, else `status`. */
export const demoFinalStatus = (p: DemoProject): string =>
  p.sanction?.outcome ??
  (!p.acceptance ? p.status : p.acceptance.result === 'FAILED' ? 'ACCEPTANCE_FAILED' : p.acceptance.filedOn ? 'IN_OPERATION' : 'ACCEPTED');

const { BASIC, THEMATIC, DEPARTMENTAL } = CatalogueKind;
const { DATABASE, SPREADSHEET, DOCUMENT, IMAGE, STREAMING, SELF_DESCRIBING, SERVICE } = ResourceFormat;
const { C, N, Y, D, T, L, M, G, B, I, F } = DataItemType;
const S = ProjectStatus;

const person: DemoResource['items'] = [
  ['姓名', C, 50],
  ['公民身份号码', C, 18],
  ['性别', C, 1],
  ['出生日期', D, 8],
];

export const DEMO_PROJECTS: DemoProject[] = [
  {
    code: 'SC-2026-0001',
    name: '宿城区智慧教育云平台',
    lead: 'education',
    category: ProjectCategory.NEW,
    planYear: 2026,
    totalBudget: '3200000.00',
    budgetYears: [
      [2026, '2000000.00'],
      [2027, '1200000.00'],
    ],
    fundingSource: '区级财政预算资金',
    status: S.UNDER_CONSTRUCTION,
    // 第三十三条: a rectification under way, its report due in three weeks.
    sanction: {
      outcome: 'RECTIFYING',
      reason: '中期绩效评价发现未实现批复的建设目标：学籍数据未按期接入市共享交换平台',
      findings: ['“中小学学籍信息”共享接口未挂接', '教育经费执行情况未编目'],
      dueInDays: 21,
    },
    resources: [
      { name: '中小学学籍信息', kind: DEPARTMENTAL, classification: '01001', format: DATABASE, subFormat: 'PostgreSQL', summary: '全区中小学在籍学生的学籍基本信息', items: [...person, ['学籍号', C, 19], ['就读学校', C, 100], ['年级', C, 10]] },
      { name: '教师资格与任职信息', kind: DEPARTMENTAL, classification: '01002', format: DATABASE, summary: '全区在编在岗教师资格证书与任职学校信息', items: [...person, ['教师资格证号', C, 20], ['任教学科', C, 20]] },
      { name: '学校基本信息', kind: BASIC, classification: '04001', format: SPREADSHEET, subFormat: 'xlsx', summary: '全区各级各类学校的名称、地址、办学类型', items: [['学校名称', C, 100], ['学校地址', C, 200], ['办学类型', C, 20], ['统一社会信用代码', C, 18]] },
      { name: '招生入学报名信息', kind: DEPARTMENTAL, classification: '01003', format: SELF_DESCRIBING, subFormat: 'JSON', summary: '义务教育阶段招生入学网上报名记录', items: [...person, ['报名学校', C, 100], ['报名时间', T, 14], ['房产证明', F, null]] },
      { name: '教育经费执行情况', kind: DEPARTMENTAL, classification: '01004', format: SPREADSHEET, summary: '各学校年度教育经费预算执行情况', items: [['学校名称', C, 100], ['年度', N, 4], ['预算金额', Y, 16], ['执行金额', Y, 16]] },
    ],
  },
  {
    code: 'SC-2026-0002',
    name: '宿城区学生资助一体化管理系统',
    lead: 'student-aid-center',
    coBuilding: ['education'],
    crossDepartment: true,
    category: ProjectCategory.NEW,
    planYear: 2026,
    totalBudget: '680000.00',
    fundingSource: '区级财政预算资金',
    status: S.APPROVED,
    resources: [
      { name: '家庭经济困难学生认定信息', kind: THEMATIC, classification: '02001', format: DATABASE, summary: '家庭经济困难学生认定结果及认定依据', items: [...person, ['认定等级', C, 10], ['认定日期', D, 8]] },
      { name: '学生资助发放记录', kind: DEPARTMENTAL, classification: '01011', format: DATABASE, summary: '各类学生资助资金发放明细', items: [...person, ['资助项目', C, 50], ['发放金额', Y, 12], ['发放日期', D, 8]] },
      { name: '资助政策文件汇编', kind: DEPARTMENTAL, classification: '01012', format: DOCUMENT, subFormat: 'OFD', summary: '国家、省、市、区学生资助政策文件', items: [['文件标题', C, 200], ['发文字号', C, 50], ['正文', M, null]] },
    ],
  },
  {
    code: 'SC-2025-0007',
    name: '宿城区基层卫生健康信息平台',
    lead: 'health',
    coBuilding: ['cdc'],
    crossDepartment: true,
    category: ProjectCategory.NEW,
    planYear: 2025,
    totalBudget: '2450000.00',
    fundingSource: '区级财政预算资金、上级转移支付资金',
    status: S.TRIAL_OPERATION,
    goLiveDate: '2026-06-15',
    // Trial operation ended on 30 September; no acceptance application within a month (第二十五条): overdue.
    trialEndDate: '2026-09-30',
    resources: [
      { name: '居民电子健康档案', kind: BASIC, classification: '01021', format: DATABASE, summary: '辖区常住居民电子健康档案基本信息', items: [...person, ['档案编号', C, 17], ['建档日期', D, 8], ['既往病史', M, null]] },
      { name: '预防接种记录', kind: THEMATIC, classification: '02011', format: DATABASE, summary: '儿童及成人预防接种记录', items: [...person, ['疫苗名称', C, 50], ['接种日期', D, 8], ['接种单位', C, 100]] },
      { name: '基层医疗机构信息', kind: BASIC, classification: '04011', format: SPREADSHEET, summary: '乡镇卫生院、社区卫生服务中心基本信息', items: [['机构名称', C, 100], ['机构地址', C, 200], ['床位数', N, 6], ['执业许可证号', C, 30]] },
      { name: '传染病疫情报告信息', kind: DEPARTMENTAL, classification: '01022', format: DATABASE, summary: '法定传染病疫情报告卡信息', items: [...person, ['疾病名称', C, 50], ['诊断时间', T, 14], ['报告单位', C, 100]] },
      { name: '家庭医生签约信息', kind: THEMATIC, classification: '02012', format: DATABASE, summary: '家庭医生签约服务对象及服务包', items: [...person, ['签约医生', C, 50], ['签约日期', D, 8], ['服务包', C, 100]] },
      { name: '医疗机构影像资料', kind: DEPARTMENTAL, classification: '01023', format: IMAGE, subFormat: 'DICOM', summary: '基层医疗机构检查影像', items: [['检查号', C, 30], ['影像', I, null], ['检查日期', D, 8]] },
    ],
  },
  {
    code: 'SC-2027-0003',
    name: '宿城区社会救助大数据平台',
    lead: 'civil-affairs',
    category: ProjectCategory.NEW,
    planYear: 2027,
    totalBudget: '1500000.00',
    fundingSource: '区级财政预算资金',
    status: S.DECLARED,
    resources: [
      { name: '最低生活保障对象信息', kind: THEMATIC, classification: '02021', format: DATABASE, summary: '城乡低保对象家庭及成员信息', items: [...person, ['保障金额', Y, 12], ['保障开始日期', D, 8]] },
      { name: '特困人员供养信息', kind: THEMATIC, classification: '02022', format: DATABASE, summary: '特困人员认定及供养方式', items: [...person, ['供养方式', C, 20], ['认定日期', D, 8]] },
      { name: '临时救助记录', kind: DEPARTMENTAL, classification: '01031', format: SPREADSHEET, summary: '临时救助申请与发放记录', items: [...person, ['救助金额', Y, 12], ['救助事由', M, null]] },
      { name: '婚姻登记信息', kind: BASIC, classification: '01032', format: DATABASE, summary: '结婚、离婚登记信息', items: [['男方姓名', C, 50], ['女方姓名', C, 50], ['登记日期', D, 8], ['登记类别', C, 10]] },
    ],
  },
  {
    code: 'SC-2026-0004',
    name: '宿城区城市运行“一网统管”平台',
    lead: 'command-center',
    coBuilding: ['big-data-bureau', 'public-security', 'emergency'],
    crossDepartment: true,
    category: ProjectCategory.NEW,
    planYear: 2026,
    totalBudget: '5800000.00',
    budgetYears: [
      [2026, '3500000.00'],
      [2027, '2300000.00'],
    ],
    fundingSource: '区级财政预算资金',
    status: S.UNDER_CONSTRUCTION,
    resources: [
      { name: '城市部件事件信息', kind: THEMATIC, classification: '02031', format: DATABASE, summary: '城市管理部件、事件的发现、派遣、处置记录', items: [['事件编号', C, 20], ['事件类型', C, 50], ['发生位置', G, null], ['上报时间', T, 14], ['处置状态', C, 10]] },
      { name: '公共视频监控点位信息', kind: DEPARTMENTAL, classification: '01041', format: SPREADSHEET, summary: '公共区域视频监控点位与设备信息', items: [['点位编号', C, 30], ['点位名称', C, 100], ['经纬度', G, null], ['是否在线', L, 1]] },
      { name: '视频监控实时流', kind: DEPARTMENTAL, classification: '01042', format: STREAMING, subFormat: 'RTSP', summary: '公共视频监控实时视频流', items: [['点位编号', C, 30], ['视频流', B, null]] },
      { name: '城市运行体征指标', kind: THEMATIC, classification: '02032', format: SERVICE, subFormat: 'REST/JSON', summary: '城市运行关键体征指标接口服务', items: [['指标名称', C, 50], ['指标值', N, 18], ['统计时间', T, 14]] },
      { name: '网格员信息', kind: DEPARTMENTAL, classification: '01043', format: DATABASE, summary: '全区网格及网格员配置信息', items: [...person, ['所属网格', C, 50], ['联系电话', C, 11]] },
      { name: '重点场所人流监测数据', kind: THEMATIC, classification: '02033', format: SELF_DESCRIBING, subFormat: 'JSON', summary: '商圈、景区等重点场所实时人流', items: [['场所名称', C, 100], ['实时人数', N, 8], ['监测时间', T, 14]] },
      { name: '气象预警信息', kind: THEMATIC, classification: '02034', format: SERVICE, subFormat: 'REST/JSON', summary: '气象灾害预警信号发布信息', items: [['预警类型', C, 20], ['预警级别', C, 10], ['发布时间', T, 14], ['影响区域', G, null]] },
    ],
  },
  {
    code: 'SC-2025-0011',
    name: '宿城区政务服务“一件事”集成办理系统',
    lead: 'administrative-approval',
    category: ProjectCategory.NEW,
    planYear: 2025,
    totalBudget: '960000.00',
    fundingSource: '区级财政预算资金',
    status: S.TRIAL_OPERATION,
    goLiveDate: '2026-03-01',
    trialEndDate: '2026-09-01',
    complete: true,
    acceptance: { appliedAt: '2026-09-20T10:00:00+08:00', opinionsAt: '2026-09-28T15:00:00+08:00', result: 'PASSED', acceptedOn: '2026-10-15', filedOn: '2026-10-30' },
    resources: [
      { name: '政务服务事项目录', kind: BASIC, classification: '04021', format: SELF_DESCRIBING, subFormat: 'XML', summary: '全区政务服务事项清单及办事指南', items: [['事项编码', C, 40], ['事项名称', C, 200], ['办理时限', N, 4], ['办事指南', M, null]] },
      { name: '办件信息', kind: DEPARTMENTAL, classification: '01051', format: DATABASE, summary: '政务服务办件受理、办结信息', items: [['办件编号', C, 40], ['申请人', C, 100], ['受理时间', T, 14], ['办结时间', T, 14]] },
      { name: '电子证照信息', kind: BASIC, classification: '03011', format: DATABASE, summary: '本区签发的电子证照目录与照面信息', items: [['证照编号', C, 50], ['证照类型', C, 50], ['持证主体', C, 100], ['证照文件', F, null]] },
      { name: '企业开办一件事办件信息', kind: THEMATIC, classification: '02052', format: DATABASE, summary: '企业开办登记、刻章、社保、公积金联办记录', items: [['企业名称', C, 100], ['统一社会信用代码', C, 18], ['办结时间', T, 14]] },
      { name: '好差评记录', kind: DEPARTMENTAL, classification: '01052', format: DATABASE, summary: '政务服务好差评评价记录', items: [['办件编号', C, 40], ['评价等级', N, 1], ['评价时间', T, 14]] },
    ],
  },
  {
    code: 'SC-2026-0005',
    name: '宿城区公共安全视频监控联网设备采购',
    lead: 'public-security',
    category: ProjectCategory.HARDWARE,
    planYear: 2026,
    totalBudget: '860000.00',
    fundingSource: '区级财政预算资金',
    status: S.APPROVED,
    resources: [
      { name: '视频监控设备台账', kind: DEPARTMENTAL, classification: '01061', format: SPREADSHEET, summary: '采购视频监控设备的型号、位置、维保信息', items: [['设备编号', C, 30], ['设备型号', C, 50], ['安装位置', C, 200], ['维保到期日', D, 8]] },
    ],
  },
  {
    code: 'SC-2024-0009',
    name: '宿城区农业农村综合信息平台',
    lead: 'agriculture',
    category: ProjectCategory.NEW,
    planYear: 2024,
    totalBudget: '1180000.00',
    fundingSource: '区级财政预算资金',
    status: S.TRIAL_OPERATION,
    goLiveDate: '2025-10-20',
    trialEndDate: '2026-04-20',
    acceptance: { appliedAt: '2026-05-10T10:00:00+08:00', opinionsAt: '2026-05-20T15:00:00+08:00', result: 'FAILED', acceptedOn: '2026-06-01' },
    resources: [
      { name: '农村土地承包经营权信息', kind: BASIC, classification: '03021', format: DATABASE, summary: '农村土地承包经营权确权登记信息', items: [['承包方代表', C, 50], ['地块编码', C, 19], ['地块面积', N, 12], ['空间位置', G, null]] },
      { name: '农业经营主体信息', kind: THEMATIC, classification: '02041', format: DATABASE, summary: '家庭农场、农民专业合作社等经营主体', items: [['主体名称', C, 100], ['统一社会信用代码', C, 18], ['经营规模', N, 12]] },
      { name: '农产品质量安全检测结果', kind: DEPARTMENTAL, classification: '01071', format: SPREADSHEET, summary: '农产品质量安全例行监测结果', items: [['样品名称', C, 50], ['检测项目', C, 50], ['是否合格', L, 1], ['检测日期', D, 8]] },
      { name: '农业气象监测数据', kind: THEMATIC, classification: '02042', format: SELF_DESCRIBING, subFormat: 'JSON', summary: '农田小气候站监测数据', items: [['站点编号', C, 20], ['气温', N, 6], ['降水量', N, 6], ['观测时间', T, 14]] },
    ],
  },
  {
    code: 'SC-2027-0006',
    // 第二十八条: an upgrade of a system that went live — the 一件事 system, accepted and filed (seeded once it is).
    name: '宿城区政务服务“一件事”集成办理系统升级改造',
    lead: 'administrative-approval',
    category: ProjectCategory.UPGRADE,
    upgrades: 'SC-2025-0011',
    planYear: 2027,
    totalBudget: '420000.00',
    fundingSource: '区级财政预算资金',
    status: S.DRAFT,
    resources: [
      { name: '一件事主题套餐信息', kind: THEMATIC, classification: '02053', format: DATABASE, summary: '“一件事”主题套餐及其联办事项', items: [['套餐编码', C, 40], ['套餐名称', C, 100], ['联办事项数', N, 3]] },
      { name: '智能审批规则信息', kind: DEPARTMENTAL, classification: '01053', format: DATABASE, summary: '无人干预自动审批的规则与适用事项', items: [['规则编号', C, 40], ['适用事项编码', C, 40], ['生效日期', D, 8]] },
    ],
  },
  {
    code: 'SC-2026-0008',
    name: '宿城区市场主体信用监管系统',
    lead: 'market-regulation',
    category: ProjectCategory.NEW,
    planYear: 2026,
    totalBudget: '750000.00',
    fundingSource: '区级财政预算资金',
    status: S.REJECTED,
    rejectionReason: '建设内容与市级信用平台重复，请调整为对接市级平台后重新申报',
    resources: [
      { name: '市场主体登记信息', kind: BASIC, classification: '03031', format: DATABASE, summary: '本区登记的企业、个体工商户基本信息', items: [['主体名称', C, 100], ['统一社会信用代码', C, 18], ['法定代表人', C, 50], ['成立日期', D, 8]] },
      { name: '行政处罚信息', kind: THEMATIC, classification: '02051', format: DATABASE, summary: '市场监管领域行政处罚决定', items: [['决定书文号', C, 50], ['当事人', C, 100], ['处罚内容', M, null], ['处罚日期', D, 8]] },
      { name: '双随机抽查结果', kind: DEPARTMENTAL, classification: '01081', format: SPREADSHEET, summary: '双随机一公开抽查检查结果', items: [['检查对象', C, 100], ['检查结果', C, 50], ['检查日期', D, 8]] },
    ],
  },
  {
    code: 'SC-2027-0010',
    name: '宿城区住房保障管理系统',
    lead: 'housing',
    category: ProjectCategory.NEW,
    planYear: 2027,
    totalBudget: '560000.00',
    fundingSource: '区级财政预算资金',
    status: S.DRAFT,
    // 第十四条: the transport bureau is asked to co-build and has not answered yet.
    pendingCoBuilding: ['transport'],
    resources: [
      { name: '公租房保障对象信息', kind: THEMATIC, classification: '02061', format: DATABASE, summary: '公共租赁住房保障家庭信息', items: [...person, ['保障方式', C, 20], ['房源地址', C, 200]] },
      { name: '房屋网签备案信息', kind: BASIC, classification: '03041', format: DATABASE, summary: '商品房买卖合同网签备案信息', items: [['合同编号', C, 30], ['房屋坐落', C, 200], ['成交价格', Y, 16], ['备案日期', D, 8]] },
      { name: '住房保障政策文件', kind: DEPARTMENTAL, classification: '01091', format: DOCUMENT, subFormat: 'PDF', summary: '住房保障相关政策文件', items: [['文件标题', C, 200], ['正文', M, null]] },
      { name: '房屋征收补偿信息', kind: DEPARTMENTAL, classification: '01092', format: DATABASE, summary: '国有土地上房屋征收与补偿（待梳理）', items: [], incomplete: true },
    ],
  },
  {
    code: 'SC-2026-0012',
    name: '宿城区应急指挥综合管理系统',
    lead: 'emergency',
    category: ProjectCategory.CONTINUED,
    planYear: 2026,
    totalBudget: '1320000.00',
    fundingSource: '区级财政预算资金',
    status: S.APPROVED,
    // 第三十三条: rectification reported, refused, and the project suspended (funds halted).
    sanction: {
      outcome: 'SUSPENDED',
      reason: '绩效评价结果为不合格：应急物资储备数据未实现共享',
      findings: ['应急物资储备信息未提供共享接口', '未按批复方案部署至区政务云'],
      dueInDays: 10,
      report: { text: '已完成部分接口开发', materials: ['整改情况报告.pdf'] },
      refusal: '整改后仍不符合要求：共享接口仍未挂接',
      suspension: '整改后仍不符合要求，暂缓拨付建设资金、暂停项目建设',
    },
    resources: [
      { name: '应急物资储备信息', kind: THEMATIC, classification: '02071', format: DATABASE, summary: '区、镇两级应急物资储备库存', items: [['物资名称', C, 50], ['储备数量', N, 10], ['储备地点', C, 200]] },
      { name: '危险化学品企业信息', kind: THEMATIC, classification: '02072', format: DATABASE, summary: '危险化学品生产、经营、使用企业', items: [['企业名称', C, 100], ['统一社会信用代码', C, 18], ['危化品种类', C, 200], ['重大危险源', L, 1]] },
      { name: '应急预案文本', kind: DEPARTMENTAL, classification: '01101', format: DOCUMENT, summary: '各类突发事件应急预案', items: [['预案名称', C, 200], ['发布日期', D, 8], ['预案文本', F, null]] },
      { name: '自然灾害风险普查成果', kind: THEMATIC, classification: '02073', format: DATABASE, summary: '第一次全国自然灾害综合风险普查宿城区成果数据', items: [['承灾体类型', C, 50], ['风险等级', C, 10], ['空间位置', G, null]] },
      { name: '救援队伍信息', kind: DEPARTMENTAL, classification: '01102', format: SPREADSHEET, summary: '综合及专业救援队伍与装备', items: [['队伍名称', C, 100], ['人数', N, 5], ['负责人', C, 50], ['联系电话', C, 11]] },
    ],
  },
  {
    code: 'SC-2027-0013',
    name: '龙河镇数字乡村综合服务平台',
    lead: 'longhe',
    category: ProjectCategory.NEW,
    planYear: 2027,
    totalBudget: '380000.00',
    fundingSource: '镇级财政资金',
    status: S.DECLARED,
    resources: [
      { name: '村（居）民基础信息', kind: BASIC, classification: '01111', format: DATABASE, summary: '龙河镇村（居）民户籍与常住信息', items: [...person, ['所属村居', C, 50], ['户号', C, 20]] },
      { name: '村级集体经济收支', kind: DEPARTMENTAL, classification: '01112', format: SPREADSHEET, summary: '各村集体经济年度收支情况', items: [['村名称', C, 50], ['年度', N, 4], ['收入', Y, 14], ['支出', Y, 14]] },
      { name: '人居环境整治照片', kind: DEPARTMENTAL, classification: '01113', format: IMAGE, subFormat: 'JPEG', summary: '人居环境整治前后对比照片', items: [['村名称', C, 50], ['照片', I, null], ['拍摄日期', D, 8]] },
    ],
  },
];

/** The construction-scheme sections (第八条) every demo project carries. */
export function demoPlan(project: Pick<DemoProject, 'name'>) {
  return {
    background: `依据《宿城区政务信息化项目建设管理办法》和全区数字政府建设规划，建设${project.name}。`,
    necessity: '现有业务系统分散建设、数据不通，群众和基层重复填报，亟需统一建设；技术方案成熟，资金已纳入预算，具备可行性。',
    goals: '实现业务全流程线上办理，数据按需归集至全市统一的政务数据共享交换平台，做到应归尽归。',
    content: '业务应用系统、数据资源库、共享接口及与区政务云、市共享交换平台的对接。',
    schedule: '合同签订后六个月内完成建设并上线试运行，试运行六个月。',
    securitySystem: '按网络安全等级保护第二级要求建设，同步规划、同步建设、同步使用安全技术措施。',
    configuration: '部署于区政务云，采用通过安全审查的国产操作系统、数据库和中间件。',
    highlights: '一数一源、一源多用，业务数据实时共享。',
    scenarios: '跨部门联办、基层减负、数据驱动的精准服务。',
  };
}
