import { registerEnumType } from 'type-graphql';

/** Who a caller is in the regulation's organisation of work (DESIGN §1). */
export enum Role {
  PROJECT_UNIT = 'PROJECT_UNIT',
  BIG_DATA_BUREAU = 'BIG_DATA_BUREAU',
  LEADING_GROUP_OFFICE = 'LEADING_GROUP_OFFICE',
  EXPERT = 'EXPERT',
  AUDITOR = 'AUDITOR',
  PLATFORM = 'PLATFORM',
  ADMIN = 'ADMIN',
}

/** Each role's description: its Chinese name, then what it does. */
const ROLE_DESCRIPTIONS: Record<Role, string> = {
  PROJECT_UNIT: '项目建设单位 — project unit, scoped to its organisation (第五条、第十三条)',
  BIG_DATA_BUREAU: '大数据管理局 — reviews and publishes the catalogue (第五条、第十七条)',
  LEADING_GROUP_OFFICE: '领导小组办公室 — plans, acceptance, filing, rectification (第十条、第二十五条、第三十三条)',
  EXPERT: '专家咨询小组 — expert reviewer (第六条)',
  AUDITOR: '审计局/网信办 — reads everything including the audit log (第三十四条)',
  PLATFORM: '市政务数据共享交换平台 — city exchange platform service account (第十七条)',
  ADMIN: '系统管理员 — manages organisations and accounts',
};

registerEnumType(Role, {
  name: 'Role',
  description: '角色 — role of a caller',
  valuesConfig: Object.fromEntries(Object.entries(ROLE_DESCRIPTIONS).map(([role, description]) => [role, { description }])),
});

/** A role's Chinese name, e.g. 项目建设单位. */
export const roleLabel = (role: Role): string => ROLE_DESCRIPTIONS[role].split(' — ')[0];

export const ALL_ROLES = Object.values(Role);
