import { registerEnumType } from 'type-graphql';

export enum AggregationMode {
  FULL = 'FULL',
  INCREMENTAL = 'INCREMENTAL',
}

registerEnumType(AggregationMode, {
  name: 'AggregationMode',
  description: '归集方式 — aggregation mode',
  valuesConfig: { FULL: { description: '全量 — full load' }, INCREMENTAL: { description: '增量 — incremental' } },
});

export enum AggregationOutcome {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(AggregationOutcome, {
  name: 'AggregationOutcome',
  description: '归集结果 — outcome of an aggregation run',
  valuesConfig: { SUCCEEDED: { description: '成功 — succeeded' }, FAILED: { description: '失败 — failed, with a reason' } },
});
