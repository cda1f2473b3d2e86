export * from './lifecycle';
export * from './labels';
