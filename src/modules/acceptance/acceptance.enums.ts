import { registerEnumType } from 'type-graphql';

/** 验收材料 (第二十五条 at application, 第二十六条 and 第二十条 at acceptance). */
export enum AcceptanceDocumentKind {
  CONSTRUCTION_SUMMARY = 'CONSTRUCTION_SUMMARY',
  FINANCIAL_REPORT = 'FINANCIAL_REPORT',
  SHARING_CATALOGUE = 'SHARING_CATALOGUE',
  SECURITY_ASSESSMENT = 'SECURITY_ASSESSMENT',
  SHARING_LIST = 'SHARING_LIST',
  SOFTWARE_HARDWARE_CONTROLLABILITY = 'SOFTWARE_HARDWARE_CONTROLLABILITY',
  TECHNICAL_DOCUMENTATION = 'TECHNICAL_DOCUMENTATION',
  CRYPTOGRAPHY_ASSESSMENT = 'CRYPTOGRAPHY_ASSESSMENT',
}

registerEnumType(AcceptanceDocumentKind, {
  name: 'AcceptanceDocumentKind',
  description: '验收材料类别 — kind of acceptance document',
  valuesConfig: {
    CONSTRUCTION_SUMMARY: { description: '项目建设总结 — construction summary (第二十五条)' },
    FINANCIAL_REPORT: { description: '财务报告 — financial report (第二十五条)' },
    SHARING_CATALOGUE: { description: '信息资源共享目录 — information-resource sharing catalogue (第二十五条)' },
    SECURITY_ASSESSMENT: { description: '第三方机构网络安全检测评估报告 — third-party network security assessment (第二十五条)' },
    SHARING_LIST: { description: '信息资源共享清单 — information-resource sharing list (第二十六条)' },
    SOFTWARE_HARDWARE_CONTROLLABILITY: {
      description: '软硬件产品网络安全可控资料 — security controllability of software and hardware (第二十六条、第二十一条)',
    },
    TECHNICAL_DOCUMENTATION: { description: '技术开发文档 — technical development documentation (第二十六条)' },
    CRYPTOGRAPHY_ASSESSMENT: { description: '密码应用安全性评估报告 — cryptography application assessment (第二十条、第二十一条)' },
  },
});

export enum AcceptanceResult {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}

registerEnumType(AcceptanceResult, {
  name: 'AcceptanceResult',
  description: '验收结论 — acceptance result (第二十六条)',
  valuesConfig: { PASSED: { description: '验收通过 — passed' }, FAILED: { description: '验收不合格，不得投入使用 — failed; may not go into use' } },
});

export enum ExpertConclusion {
  PASS = 'PASS',
  PASS_WITH_CHANGES = 'PASS_WITH_CHANGES',
  FAIL = 'FAIL',
}

registerEnumType(ExpertConclusion, {
  name: 'ExpertConclusion',
  description: "专家意见结论 — an expert's conclusion (第六条、第二十五条)",
  valuesConfig: {
    PASS: { description: '通过 — pass' },
    PASS_WITH_CHANGES: { description: '修改后通过 — pass after changes' },
    FAIL: { description: '不通过 — fail' },
  },
});
