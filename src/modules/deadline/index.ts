/** The deadline module's public face: what is due and overdue (第七条、第二十四条至第二十六条, sharing-request answers). */
export { DeadlineResolver } from './deadline.resolver';
export { DeadlineService } from './deadline.service';
export { Deadline, DeadlineKind } from './deadline.objects';
/** The open deadlines as SQL and each kind's rule, for the modules that build on them (to-dos, reminders). */
export { DEADLINES, DEADLINE_RULES } from './deadline.sql';
