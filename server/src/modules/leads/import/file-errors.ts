import { AppError } from '../../../errors/catalog.ts';

/** A limit of workers/limits.ts was or would be exceeded; `what` says which, for the user. */
export const tooLarge = (what: string) =>
  new AppError('RS_IMPORT_TOO_LARGE', undefined, [{ path: 'file', message: what }]);

/** The upload is not a workbook we can read (a CSV is always readable: any bytes decode as GB18030). */
export const badFile = (why: string) =>
  new AppError('RS_IMPORT_BAD_FILE', undefined, [
    { path: 'file', message: `not a readable .xlsx workbook: ${why}` },
  ]);
