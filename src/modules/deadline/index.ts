/** The deadline module's public face: what is due and overdue (第七条、第二十四条至第二十六条, sharing-request answers). */
export { DeadlineResolver } from './deadline.resolver';
export { DeadlineService } from './deadline.service';
