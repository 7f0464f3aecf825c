/** The rectification module's public face: 限期整改、暂停、恢复、终止 (第三十三条). */
export { ProjectRectification } from './rectification.entity';
export * from './rectification.inputs';
export { RECTIFICATION_STATUS_LABEL, RectificationStatus } from './rectification.enums';
export { rectificationLoaders } from './rectification.loaders';
export { RectificationListResolver, RectificationResolver } from './rectification.resolver';
export { RectificationService } from './rectification.service';
/** 第三十三条: rectification reports owed and waiting for a decision, as SQL for the deadlines and to-dos. */
export { RECTIFICATIONS_OWED, RECTIFICATIONS_REPORTED } from './rectification.sql';
