export * from './schema';
export * from './merge';
export * from './export';
export * from './import';
export * from './reminders';
export * from './filter';
