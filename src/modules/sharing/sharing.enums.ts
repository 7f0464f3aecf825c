import { registerLabelledEnum } from '../../common/enum-labels';

export enum InterfaceKind {
  REST_API = 'REST_API',
  WEB_SERVICE = 'WEB_SERVICE',
  DATABASE_SYNC = 'DATABASE_SYNC',
  FILE_TRANSFER = 'FILE_TRANSFER',
  MESSAGE_QUEUE = 'MESSAGE_QUEUE',
}

export const INTERFACE_KIND_LABEL = registerLabelledEnum(InterfaceKind, 'InterfaceKind', '接口类型 — kind of sharing interface', {
  REST_API: ['REST 接口', 'HTTP(S) REST API'],
  WEB_SERVICE: ['Web Service 接口', 'SOAP web service'],
  DATABASE_SYNC: ['库表同步', 'database replication (DSN)'],
  FILE_TRANSFER: ['文件传输', 'file transfer (SFTP/FTPS)'],
  MESSAGE_QUEUE: ['消息队列', 'message queue'],
});

/** 挂接状态 on the city exchange platform (第十七条). */
export enum MountStatus {
  NOT_MOUNTED = 'NOT_MOUNTED',
  MOUNTED = 'MOUNTED',
  WITHDRAWN = 'WITHDRAWN',
}

export const MOUNT_STATUS_LABEL = registerLabelledEnum(MountStatus, 'MountStatus', '挂接状态 — mount status on the city exchange platform (第十七条)', {
  NOT_MOUNTED: ['未挂接', 'not mounted'],
  MOUNTED: ['已挂接', "mounted, with the platform's id"],
  WITHDRAWN: ['已撤销挂接', 'withdrawn from the platform'],
});
