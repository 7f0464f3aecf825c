/**
 * What `POST /catalogue/import` answers, as types only (no imports): the hub's import writes these
 * and the web console reads them (console/src/api.ts imports this file), so the shape is defined once.
 */

/** One refusal of an imported file: where it is (sheet, row, column) and why (stable code, Chinese message). */
export interface ImportError {
  sheet: string;
  row: number;
  column: string | null;
  code: string;
  message: string;
  article?: string;
}

/** The report of an import or a dry run (200, or 422 when rows were refused). */
export interface ImportReport {
  project: string;
  dryRun: boolean;
  /** True when the catalogue was changed: no error, not a dry run. */
  written: boolean;
  rows: number;
  created: number;
  updated: number;
  /** Of those updated, the published entries whose changes went to a revision for the bureau to review (第五条). */
  revised: number;
  interfacesRegistered: number;
  interfacesUpdated: number;
  /** Rows of either sheet that would change nothing (an entry as it stands, its revision included; an interface as registered): not written, no revision, no audit entry. */
  unchanged: number;
  errorCount: number;
  /** The first errors, in file order (at most the import's MAX_REPORTED). */
  errors: ImportError[];
}

/** The answer when the upload itself is refused (not a workbook, too large, no such project, not allowed). */
export interface ImportRefusal {
  error: { code: string; message: string; article?: string };
}
