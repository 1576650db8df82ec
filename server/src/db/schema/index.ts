export * from './users.ts';
export * from './audit.ts';
export * from './ownership.ts';
