export * from './model';
export * from './deadlines';
export * from './lifecycle';
export * from './labels';
