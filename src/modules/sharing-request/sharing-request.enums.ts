import { registerLabelledEnum } from '../../common/enum-labels';

export enum SharingRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export const SHARING_REQUEST_STATUS_LABEL = registerLabelledEnum(SharingRequestStatus, 'SharingRequestStatus', '共享申请状态 — status of a sharing request', {
  PENDING: ['待答复', 'awaiting the provider, due in 10 working days (国发〔2016〕51号)'],
  APPROVED: ['已同意', 'approved; the consumer is added to the interfaces'],
  REJECTED: ['已拒绝', 'refused, with a reason'],
});
