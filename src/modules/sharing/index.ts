/** The sharing module's public face: the sharing list (共享清单) — interfaces, their consumers and mounting (第九条、第十七条). */
export { InterfaceMountInput, InterfaceRegisterInput, InterfaceUpdateInput, InterfaceWithdrawInput } from './interface.inputs';
export { interfaceLoaders } from './interface.loaders';
export { InterfaceResolver } from './interface.resolver';
export { InterfaceService } from './interface.service';
export { SharingInterface } from './sharing-interface.entity';
export { INTERFACE_KIND_LABEL, InterfaceKind, MOUNT_STATUS_LABEL, MountStatus } from './sharing.enums';
export { consumerJoinResource, sharingListProblems } from './interface.rules';
export { ProjectInterfacesResolver, ResourceInterfacesResolver } from './resource-interfaces.resolver';
export { interfacePresenceSql, interfacesAmongSql, mountedInterfacesSql } from './interface.sql';
