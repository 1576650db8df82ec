// Raw file bodies for the lead and campaign list uploads (no multipart: the console sends the file as
// the body, its name in the query string), capped at IMPORT_LIMITS.maxUploadBytes. A declared length
// over the cap is refused before a byte is read; a chunked body is cut off as soon as it passes it.
// Either way the answer is RS_IMPORT_TOO_LARGE with the limit, not Fastify's generic 413.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { IMPORT_LIMITS } from '../../../workers/limits.ts';
import { tooLarge } from './file-errors.ts';

export const FILE_TYPES = [
  'text/csv',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const MAX = IMPORT_LIMITS.maxUploadBytes;
const overCap = () => tooLarge(`the file is larger than ${MAX / 1024 / 1024} MB`);

async function readCapped(payload: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > MAX) {
      payload.destroy();
      throw overCap();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

/** Registers the file parser in the calling (encapsulated) plugin only: other routes keep JSON bodies. */
export function acceptFileUploads(app: FastifyInstance): void {
  app.addContentTypeParser(
    FILE_TYPES,
    { bodyLimit: MAX },
    async (req: FastifyRequest, payload: IncomingMessage) => {
      if (Number(req.headers['content-length']) > MAX) throw overCap();
      return readCapped(payload);
    },
  );
}

/** Route option: the body limit Fastify enforces too, matching ours. */
export const UPLOAD_BODY_LIMIT = MAX;
