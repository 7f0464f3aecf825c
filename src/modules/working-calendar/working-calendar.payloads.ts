import { ObjectType } from 'type-graphql';
import { Payload } from '../../graphql/payload';
import { WorkingCalendarYear } from './working-calendar.entity';

@ObjectType()
export class WorkingCalendarYearSetPayload extends Payload('workingCalendarYear', WorkingCalendarYear) {}
