export { DeadlineResolver } from './deadline.resolver';
export { DeadlineService } from './deadline.service';
