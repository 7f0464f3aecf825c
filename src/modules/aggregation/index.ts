/** The aggregation module's public face: runs the city exchange platform reports (第十七条 按需归集、应归尽归). */
export { AggregationRun } from './aggregation-run.entity';
export { AggregationMode, AggregationOutcome } from './aggregation.enums';
export { AggregationRunInput, AggregationRunsReportInput } from './aggregation.inputs';
export { aggregationLoaders } from './aggregation.loaders';
export { AggregationResolver } from './aggregation.resolver';
export { AggregationService } from './aggregation.service';
/** 第十七条: interfaces whose last runs all failed, as SQL for the to-dos and the reminders. */
export { failingInterfacesSql } from './aggregation.sql';
/** The run history's monthly partitions: listing, detaching old months (npm run runs:detach), loading history. */
export { detachRunMonths, extendRunMonthsBack, monthStart, runPartitions } from './aggregation.partitions';
export type { Detached, RunPartition } from './aggregation.partitions';
/** 第十七条: the last-run bookkeeping ingest keeps (latest run and success per interface, latest success per resource), as SQL. */
export { INTERFACE_RUN_TIMES, RESOURCE_RUN_TIMES } from './aggregation.sql';
export { InterfaceRunTimes, ResourceRunTimes } from './run-times.entity';
export { InterfaceRunTimesResolver, ResourceRunTimesResolver } from './run-times.resolver';
