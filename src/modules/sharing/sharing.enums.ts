import { registerEnumType } from 'type-graphql';

export enum InterfaceKind {
  REST_API = 'REST_API',
  WEB_SERVICE = 'WEB_SERVICE',
  DATABASE_SYNC = 'DATABASE_SYNC',
  FILE_TRANSFER = 'FILE_TRANSFER',
  MESSAGE_QUEUE = 'MESSAGE_QUEUE',
}

registerEnumType(InterfaceKind, {
  name: 'InterfaceKind',
  description: '接口类型 — kind of sharing interface',
  valuesConfig: {
    REST_API: { description: 'REST 接口 — HTTP(S) REST API' },
    WEB_SERVICE: { description: 'Web Service 接口 — SOAP web service' },
    DATABASE_SYNC: { description: '库表同步 — database replication (DSN)' },
    FILE_TRANSFER: { description: '文件传输 — file transfer (SFTP/FTPS)' },
    MESSAGE_QUEUE: { description: '消息队列 — message queue' },
  },
});

/** 挂接状态 on the city exchange platform (第十七条). */
export enum MountStatus {
  NOT_MOUNTED = 'NOT_MOUNTED',
  MOUNTED = 'MOUNTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(MountStatus, {
  name: 'MountStatus',
  description: '挂接状态 — mount status on the city exchange platform (第十七条)',
  valuesConfig: {
    NOT_MOUNTED: { description: '未挂接 — not mounted' },
    MOUNTED: { description: "已挂接 — mounted, with the platform's id" },
    WITHDRAWN: { description: '已撤销挂接 — withdrawn from the platform' },
  },
});
