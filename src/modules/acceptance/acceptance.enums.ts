import { registerLabelledEnum } from '../../common/enum-labels';

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

export const ACCEPTANCE_DOCUMENT_KIND_LABEL = registerLabelledEnum(
  AcceptanceDocumentKind,
  'AcceptanceDocumentKind',
  '验收材料类别 — kind of acceptance document',
  {
    CONSTRUCTION_SUMMARY: ['项目建设总结', 'construction summary (第二十五条)'],
    FINANCIAL_REPORT: ['财务报告', 'financial report (第二十五条)'],
    SHARING_CATALOGUE: ['信息资源共享目录', 'information-resource sharing catalogue (第二十五条)'],
    SECURITY_ASSESSMENT: ['第三方机构网络安全检测评估报告', 'third-party network security assessment (第二十五条)'],
    SHARING_LIST: ['信息资源共享清单', 'information-resource sharing list (第二十六条)'],
    SOFTWARE_HARDWARE_CONTROLLABILITY: ['软硬件产品网络安全可控资料', 'security controllability of software and hardware (第二十六条、第二十一条)'],
    TECHNICAL_DOCUMENTATION: ['技术开发文档', 'technical development documentation (第二十六条)'],
    CRYPTOGRAPHY_ASSESSMENT: ['密码应用安全性评估报告', 'cryptography application assessment (第二十条、第二十一条)'],
  },
);

export enum AcceptanceResult {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}

export const ACCEPTANCE_RESULT_LABEL = registerLabelledEnum(AcceptanceResult, 'AcceptanceResult', '验收结论 — acceptance result (第二十六条)', {
  PASSED: ['验收通过', 'passed'],
  FAILED: ['验收不合格，不得投入使用', 'failed; may not go into use'],
});
