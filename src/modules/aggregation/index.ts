/** The aggregation module's public face: runs the city exchange platform reports (第十七条 按需归集、应归尽归). */
export { AggregationRun } from './aggregation-run.entity';
export { AggregationMode, AggregationOutcome } from './aggregation.enums';
export { AggregationRunInput, AggregationRunsReportInput } from './aggregation.inputs';
export { aggregationLoaders } from './aggregation.loaders';
export { AggregationResolver } from './aggregation.resolver';
export { AggregationService } from './aggregation.service';
