/**
 * The one catalog of error codes a client can see. Codes are stable API: the console translates them,
 * integrations match on them. Add a code here rather than inventing a string at the throw site.
 */
export const ERROR_CATALOG = {
  RS_VALIDATION: { status: 400, message: 'The request is not valid' },
  RS_BAD_JSON: { status: 400, message: 'The request body is not valid JSON' },
  RS_UNAUTHENTICATED: { status: 401, message: 'Sign in first' },
  RS_INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password' },
  RS_FORBIDDEN: { status: 403, message: 'Your role does not allow this' },
  RS_NOT_FOUND: { status: 404, message: 'Not found' },
  RS_ROUTE_NOT_FOUND: { status: 404, message: 'No such route' },
  RS_CONFLICT: { status: 409, message: 'The record changed or already exists' },
  RS_PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  RS_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type' },
  // Imports (lead and campaign lists): the details say which limit or what is wrong with the file.
  RS_IMPORT_TOO_LARGE: {
    status: 413,
    message: 'The file is larger than an import may be (size, rows, columns or cells)',
  },
  RS_IMPORT_BAD_FILE: { status: 400, message: 'The file is not a readable CSV or .xlsx workbook' },
  RS_RATE_LIMITED: { status: 429, message: 'Too many requests; try again later' },
  RS_PBX_UNAVAILABLE: { status: 503, message: 'The phone system is not reachable' },
  RS_SUPERVISOR_PHONE: {
    status: 409,
    message: 'Your phone did not answer; check that your softphone is registered',
  },
  RS_MONITORED_BY_OTHER: { status: 409, message: 'Another supervisor is already on this call' },
  RS_CAMPAIGN_STATE: { status: 409, message: 'The campaign cannot do that in its current status' },
  RS_PREVIEW_NOT_CLAIMED: {
    status: 409,
    message: 'This record is not on your preview screen (take the next one first)',
  },
  RS_INTERNAL: { status: 500, message: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface ErrorDetail {
  path: string;
  message: string;
}

/** Thrown anywhere in the server; the error handler turns it into `{ code, message, details }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message ?? ERROR_CATALOG[code].message);
    this.name = 'AppError';
    this.status = ERROR_CATALOG[code].status;
  }
}
