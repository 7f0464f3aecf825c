/** The benchmark scales (bench/data.ts writes them, bench/run.ts reads them). */
export const SCALES = {
  smoke: { projects: 6, resources: 60, interfaces: 120, runs: 3_000 },
  district: { projects: 300, resources: 10_000, interfaces: 20_000, runs: 1_000_000 },
  city: { projects: 5_000, resources: 200_000, interfaces: 400_000, runs: 20_000_000 },
} as const;

export type ScaleName = keyof typeof SCALES;

/** The PostgreSQL server the benchmark databases live on (its own database in the URL is only used to connect). */
export const benchDatabaseUrl = () => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The benchmark database's name: `hub_bench_<scale>`, or BENCH_DATABASE_NAME so that two people can keep their own copies on one server. */
export const benchDatabaseName = (scale: string) => process.env.BENCH_DATABASE_NAME ?? `hub_bench_${scale}`;
