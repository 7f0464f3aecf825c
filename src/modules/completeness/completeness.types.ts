import type { CompletenessFigureName } from '../../config';
import type { GapReason } from './completeness.enums';

/** A figure as counted: numerator over denominator; the ratio is null when the denominator is 0. */
export interface RatioCount {
  numerator: number;
  denominator: number;
}

/** The six figures of DESIGN §3 for one project or a set of projects. */
export type CompletenessCounts = Record<CompletenessFigureName, RatioCount>;

/** One resource counting against one figure. */
export interface GapRow {
  resourceId: string;
  resourceCode: string;
  projectId: string;
  reason: GapReason;
  detail: string | null;
}
