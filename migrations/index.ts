import { Organizations1795572950235 } from './1795572950235-Organizations';
import { ProjectsAndCatalogue1795573382093 } from './1795573382093-ProjectsAndCatalogue';
import { AcceptanceAndAggregation1795574574094 } from './1795574574094-AcceptanceAndAggregation';
import { SearchBigrams1795574808103 } from './1795574808103-SearchBigrams';
import { PendingRequestKey1795575829836 } from './1795575829836-PendingRequestKey';
import { IdempotencyKeys1795580000000 } from './1795580000000-IdempotencyKeys';
import { Notifications1795600000000 } from './1795600000000-Notifications';
import { ExpertReview1795700000000 } from './1795700000000-ExpertReview';
import { Rectification1795710000000 } from './1795710000000-Rectification';
import { ConstructionPeriod1795711000000 } from './1795711000000-ConstructionPeriod';
import { CoBuildingConsent1795712000000 } from './1795712000000-CoBuildingConsent';
import { ResourceRevisions1795720000000 } from './1795720000000-ResourceRevisions';
import { Identity1795730000000 } from './1795730000000-Identity';
import { AuditLog1795740000000 } from './1795740000000-AuditLog';
import { IdempotencyApplied1795750000000 } from './1795750000000-IdempotencyApplied';
import { WorkingCalendar1795760000000 } from './1795760000000-WorkingCalendar';
import { PersonalDigest1795780000000 } from './1795780000000-PersonalDigest';
import { PartitionedRuns1795810000000 } from './1795810000000-PartitionedRuns';
import { SharedRateLimit1795810000001 } from './1795810000001-SharedRateLimit';
import { IdempotencyAnswerLost1795820000000 } from './1795820000000-IdempotencyAnswerLost';
import { NarrowRunTimes1795830500000 } from './1795830500000-NarrowRunTimes';

/** Every migration, in order. Listed here (not globbed) so the same list serves ts and compiled js. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const migrations: Function[] = [Organizations1795572950235, ProjectsAndCatalogue1795573382093, AcceptanceAndAggregation1795574574094, SearchBigrams1795574808103, PendingRequestKey1795575829836, IdempotencyKeys1795580000000, Notifications1795600000000, ExpertReview1795700000000, Rectification1795710000000, ConstructionPeriod1795711000000, CoBuildingConsent1795712000000, ResourceRevisions1795720000000, Identity1795730000000, AuditLog1795740000000, IdempotencyApplied1795750000000, WorkingCalendar1795760000000, PersonalDigest1795780000000, PartitionedRuns1795810000000, SharedRateLimit1795810000001, IdempotencyAnswerLost1795820000000, NarrowRunTimes1795830500000];
