import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ERROR_CATALOG, type ErrorCode, type ErrorDetail } from '../errors/catalog.ts';

interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

/** Maps Fastify's own error codes (body parsing, limits, validation) onto the catalog. */
function fromFastify(err: FastifyError): ErrorBody | undefined {
  if (err.validation) {
    const details = err.validation.map((v) => ({
      path: (v.instancePath || '/' + String((v.params as { missingProperty?: string }).missingProperty ?? '')).replace(
        /^\//,
        '',
      ),
      message: v.message ?? 'invalid',
    }));
    return { code: 'RS_VALIDATION', message: ERROR_CATALOG.RS_VALIDATION.message, details };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'RS_BAD_JSON', message: ERROR_CATALOG.RS_BAD_JSON.message };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'RS_PAYLOAD_TOO_LARGE', message: ERROR_CATALOG.RS_PAYLOAD_TOO_LARGE.message };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'RS_UNSUPPORTED_MEDIA_TYPE', message: ERROR_CATALOG.RS_UNSUPPORTED_MEDIA_TYPE.message };
    default:
      break;
  }
  if (err.statusCode === 429) return { code: 'RS_RATE_LIMITED', message: ERROR_CATALOG.RS_RATE_LIMITED.message };
  return undefined;
}

export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let body: ErrorBody | undefined;
    let status: number;
    if (err instanceof AppError) {
      body = { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
      status = err.status;
    } else {
      body = fromFastify(err);
      status = body ? ERROR_CATALOG[body.code].status : 500;
    }
    if (!body) {
      // 5xx details stay in the log; the client gets the catalog text and the request id to quote.
      request.log.error({ err }, 'unhandled error');
      body = { code: 'RS_INTERNAL', message: `${ERROR_CATALOG.RS_INTERNAL.message} (request ${request.id})` };
    }
    return reply.status(status).send(body);
  });
});
