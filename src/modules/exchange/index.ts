/** The exchange module's public face: the catalogue template, its import and exports (XLSX, CSV, DCAT-AP 3.0.1) and the report workbooks. */
export { CatalogueImportService } from './catalogue-import.service';
export type { ImportReport } from './catalogue-import.service';
export { writeCatalogueWorkbook } from './catalogue-workbook';
export { DcatExport } from './dcat';
export { exchangeRoutes } from './exchange.routes';
export { UploadRefused } from './sheet-reader';
/** The Chinese names of an entry's fields, as the workbook's columns name them (the console's version diff shows these too). */
export { consoleCatalogueTerms } from './columns';
