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

registerEnumType(Role, {
  name: 'Role',
  description: '角色 — role of a caller',
  valuesConfig: {
    PROJECT_UNIT: { description: '项目建设单位 — project unit, scoped to its organisation (第五条、第十三条)' },
    BIG_DATA_BUREAU: { description: '大数据管理局 — reviews and publishes the catalogue (第五条、第十七条)' },
    LEADING_GROUP_OFFICE: { description: '领导小组办公室 — plans, acceptance, filing, rectification (第十条、第二十五条、第三十三条)' },
    EXPERT: { description: '专家咨询小组 — expert reviewer (第六条)' },
    AUDITOR: { description: '审计局/网信办 — reads everything including the audit log (第三十四条)' },
    PLATFORM: { description: '市政务数据共享交换平台 — city exchange platform service account (第十七条)' },
    ADMIN: { description: '系统管理员 — manages organisations and accounts' },
  },
});

export const ALL_ROLES = Object.values(Role);
