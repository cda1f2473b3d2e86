export * from './columns';
export * from './values';
