export * from './schema';
export * from './values';
export * from './councils';
export * from './import';
export * from './export';
export * from './capture';
export { readCsv, csvField, unguardField, skipLeadingComments, type CsvRecord, type CsvReadResult } from '@/lib/csv';
