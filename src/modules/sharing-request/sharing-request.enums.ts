import { registerEnumType } from 'type-graphql';

export enum SharingRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(SharingRequestStatus, {
  name: 'SharingRequestStatus',
  description: '共享申请状态 — status of a sharing request',
  valuesConfig: {
    PENDING: { description: '待答复 — awaiting the provider, due in 10 working days (国发〔2016〕51号)' },
    APPROVED: { description: '已同意 — approved; the consumer is added to the interfaces' },
    REJECTED: { description: '已拒绝 — refused, with a reason' },
  },
});
