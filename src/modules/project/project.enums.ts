import { registerEnumType } from 'type-graphql';

/** 项目类别 (第二条、第二十八条). */
export enum ProjectCategory {
  NEW = 'NEW',
  CONTINUED = 'CONTINUED',
  HARDWARE = 'HARDWARE',
  UPGRADE = 'UPGRADE',
}

registerEnumType(ProjectCategory, {
  name: 'ProjectCategory',
  description: '项目类别 — project category',
  valuesConfig: {
    NEW: { description: '新建 — new information system (第二条)' },
    CONTINUED: { description: '续建 — continued construction (第二条)' },
    HARDWARE: { description: '硬件采购 — hardware purchase, in scope from ¥300,000 (第二条)' },
    UPGRADE: { description: '升级 — upgrade of an existing system, names the project it upgrades (第二十八条)' },
  },
});

/** 项目状态: the life of a project from plan to operation (第七条 to 第三十三条). */
export enum ProjectStatus {
  DRAFT = 'DRAFT',
  DECLARED = 'DECLARED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  TRIAL_OPERATION = 'TRIAL_OPERATION',
  ACCEPTANCE_APPLIED = 'ACCEPTANCE_APPLIED',
  ACCEPTED = 'ACCEPTED',
  ACCEPTANCE_FAILED = 'ACCEPTANCE_FAILED',
  FILED = 'FILED',
  IN_OPERATION = 'IN_OPERATION',
  RECTIFYING = 'RECTIFYING',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: '项目状态 — project status',
  valuesConfig: {
    DRAFT: { description: '草稿 — being prepared by the project unit' },
    DECLARED: { description: '已申报 — plan and construction scheme submitted to the leading-group office (第七条)' },
    APPROVED: { description: '已列入年度计划 — passed expert review, in the annual plan (第十条)' },
    REJECTED: { description: '未通过评审 — not approved (第十条)' },
    UNDER_CONSTRUCTION: { description: '建设中 — under construction (第十二条、第十三条)' },
    TRIAL_OPERATION: { description: '试运行 — live, in trial operation (第二十四条)' },
    ACCEPTANCE_APPLIED: { description: '已申请验收 — acceptance applied for (第二十五条)' },
    ACCEPTED: { description: '验收通过 — accepted (第二十六条)' },
    ACCEPTANCE_FAILED: { description: '验收不合格 — failed acceptance, may not go into use (第二十六条)' },
    FILED: { description: '已备案 — acceptance report filed (第二十六条)' },
    IN_OPERATION: { description: '运维中 — in operation (第二十七条)' },
    RECTIFYING: { description: '限期整改 — ordered to rectify (第三十三条)' },
    SUSPENDED: { description: '暂停建设 — suspended (第三十三条)' },
    TERMINATED: { description: '终止 — terminated (第三十三条)' },
  },
});

/** 部署方式: 上云为常态，不上云为例外 (第十六条). */
export enum CloudDeployment {
  DISTRICT_GOV_CLOUD = 'DISTRICT_GOV_CLOUD',
  OTHER_ASSESSED_CLOUD = 'OTHER_ASSESSED_CLOUD',
  EXEMPT = 'EXEMPT',
}

registerEnumType(CloudDeployment, {
  name: 'CloudDeployment',
  description: '部署方式 — where the system runs (第十六条)',
  valuesConfig: {
    DISTRICT_GOV_CLOUD: { description: '区政务云 — the district government cloud (the default)' },
    OTHER_ASSESSED_CLOUD: { description: '其他通过安全评估的云 — another cloud that passed the 云计算服务安全评估; needs a reason' },
    EXEMPT: { description: '不上云（法律法规或保密要求）— not on a cloud, by law or secrecy; needs a reason' },
  },
});

/** 共建确认: naming a co-building unit is a proposal until that unit answers (第十四条). */
export enum CoBuildingStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(CoBuildingStatus, {
  name: 'CoBuildingStatus',
  description: '共建确认 — answer of a unit named as co-building unit (第十四条)',
  valuesConfig: {
    PROPOSED: { description: '待确认 — named by the lead unit; no rights on the project yet' },
    ACCEPTED: { description: '已接受 — builds the project with the lead unit (第十四条)' },
    DECLINED: { description: '已拒绝 — declined; no rights on the project' },
  },
});
