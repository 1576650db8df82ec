// DTOs and event maps shared with the console (imported there as types only).
export * from './auth.ts';
export * from './errors.ts';
export * from './realtime.ts';
export * from './leads.ts';
export * from './custom-fields.ts';
export * from './opportunities.ts';
export * from './activities.ts';
export * from './sales.ts';
export * from './service.ts';
export * from './customers.ts';
export * from './search.ts';
