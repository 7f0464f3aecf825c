import { OrganizationKind } from '../src/modules/organization';
import { Role } from '../src/common/role.enums';
import { demoCreditCode } from './codes';

export interface DemoOrganization {
  key: string;
  name: string;
  kind: OrganizationKind;
  creditCode: string;
  supervisor?: string;
}

const { DEPARTMENT, DIRECT_UNIT, TOWN, SUBDISTRICT, PARK } = OrganizationKind;

const dept = (key: string, name: string, serial: number): DemoOrganization => ({
  key,
  name,
  kind: DEPARTMENT,
  creditCode: demoCreditCode('11', 1_400_000 + serial),
});

/** The demo district: the offices the regulation names, departments that build systems, towns, subdistricts and parks. */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  dept('government-office', '宿城区人民政府办公室', 1),
  dept('leading-group-office', '宿城区数字政府建设领导小组办公室', 2),
  dept('big-data-bureau', '宿城区大数据管理局', 3),
  dept('cyberspace-office', '中共宿迁市宿城区委网络安全和信息化委员会办公室', 4),
  dept('development-reform', '宿城区发展和改革局', 5),
  dept('finance', '宿城区财政局', 6),
  dept('audit', '宿城区审计局', 7),
  dept('public-security', '宿迁市公安局宿城分局', 8),
  dept('education', '宿城区教育局', 9),
  dept('health', '宿城区卫生健康委员会', 10),
  dept('civil-affairs', '宿城区民政局', 11),
  dept('human-resources', '宿城区人力资源和社会保障局', 12),
  dept('housing', '宿城区住房和城乡建设局', 13),
  dept('market-regulation', '宿城区市场监督管理局', 14),
  dept('administrative-approval', '宿城区行政审批局', 15),
  dept('agriculture', '宿城区农业农村局', 16),
  dept('emergency', '宿城区应急管理局', 17),
  dept('transport', '宿城区交通运输局', 18),
  {
    key: 'command-center',
    name: '宿城区综合指挥调度中心',
    kind: DIRECT_UNIT,
    creditCode: demoCreditCode('12', 1_410_001),
    supervisor: 'government-office',
  },
  {
    key: 'information-center',
    name: '宿城区政务信息中心',
    kind: DIRECT_UNIT,
    creditCode: demoCreditCode('12', 1_410_002),
    supervisor: 'big-data-bureau',
  },
  {
    key: 'cdc',
    name: '宿城区疾病预防控制中心',
    kind: DIRECT_UNIT,
    creditCode: demoCreditCode('12', 1_410_003),
    supervisor: 'health',
  },
  {
    key: 'student-aid-center',
    name: '宿城区学生资助管理中心',
    kind: DIRECT_UNIT,
    creditCode: demoCreditCode('12', 1_410_004),
    supervisor: 'education',
  },
  ...[
    ['longhe', '龙河镇'],
    ['yangbei', '洋北镇'],
    ['buzi', '埠子镇'],
    ['caiji', '蔡集镇'],
    ['wangguanji', '王官集镇'],
    ['tuyuan', '屠园镇'],
    ['chenji', '陈集镇'],
    ['luowei', '罗圩乡'],
  ].map(([key, name], i) => ({ key, name, kind: TOWN, creditCode: demoCreditCode('11', 1_420_001 + i) })),
  ...[
    ['xingfu', '幸福街道'],
    ['xiangli', '项里街道'],
    ['hebin', '河滨街道'],
    ['gucheng', '古城街道'],
    ['shuangzhuang', '双庄街道'],
  ].map(([key, name], i) => ({ key, name: `宿城区${name}办事处`, kind: SUBDISTRICT, creditCode: demoCreditCode('11', 1_430_001 + i) })),
  { key: 'economic-zone', name: '江苏宿城经济开发区管理委员会', kind: PARK, creditCode: demoCreditCode('11', 1_440_001) },
  { key: 'software-park', name: '宿城软件与服务外包产业园管理办公室', kind: PARK, creditCode: demoCreditCode('11', 1_440_002) },
];

const byKey = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o]));
const codeOf = (key: string) => byKey.get(key)!.creditCode;

/** The seeded organisation that holds each role, for `npm run token` and the demo tokens. */
export const ROLE_HOME: Record<Role, string> = {
  [Role.PROJECT_UNIT]: codeOf('education'),
  [Role.BIG_DATA_BUREAU]: codeOf('big-data-bureau'),
  [Role.LEADING_GROUP_OFFICE]: codeOf('leading-group-office'),
  [Role.EXPERT]: codeOf('leading-group-office'),
  [Role.AUDITOR]: codeOf('audit'),
  [Role.PLATFORM]: codeOf('big-data-bureau'),
  [Role.ADMIN]: codeOf('information-center'),
};
