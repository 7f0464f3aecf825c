/** The working-calendar module's public face: the holiday notices of the working-day calendar, kept in the database. */
export { CalendarHoliday, CalendarMakeupWorkday, WorkingCalendarYear } from './working-calendar.entity';
export { WorkingCalendarSource } from './working-calendar.enums';
export { WorkingCalendarResolver } from './working-calendar.resolver';
export { WorkingCalendarService } from './working-calendar.service';
