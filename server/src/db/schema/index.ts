export * from './users.ts';
export * from './audit.ts';
export * from './ownership.ts';
export * from './customers.ts';
export * from './leads.ts';
export * from './activities.ts';
export * from './lead-imports.ts';
