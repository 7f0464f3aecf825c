export { InterfaceMountInput, InterfaceRegisterInput, InterfaceWithdrawInput } from './interface.inputs';
export { interfaceLoaders } from './interface.loaders';
export { InterfaceResolver } from './interface.resolver';
export { InterfaceService } from './interface.service';
export { SharingInterface } from './sharing-interface.entity';
export { InterfaceKind, MountStatus } from './sharing.enums';
export { consumerJoinResource, sharingListProblems } from './interface.rules';
export { ProjectInterfacesResolver, ResourceInterfacesResolver } from './resource-interfaces.resolver';
