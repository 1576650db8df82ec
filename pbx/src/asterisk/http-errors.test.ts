import { describe, expect, it } from 'vitest';
import { PbxError } from '../port/errors.ts';
import { codeFromStatus, errorFromNetwork, errorFromResponse } from './http-errors.ts';

describe('codeFromStatus', () => {
  it.each([
    [400, 'invalid'],
    [422, 'invalid'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [409, 'conflict'],
    [412, 'conflict'],
    [408, 'timeout'],
    [504, 'timeout'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [500, 'failed'],
    [501, 'failed'],
  ] as const)('HTTP %i → %s', (status, code) => expect(codeFromStatus(status)).toBe(code));
});

describe('errorFromResponse', () => {
  it('uses the ARI JSON message and keeps the command', () => {
    const err = errorFromResponse('answer', 404, '{"message":"Channel not found"}');
    expect(err).toBeInstanceOf(PbxError);
    expect(err).toMatchObject({
      code: 'not-found',
      command: 'answer',
      status: 404,
      message: 'answer: Channel not found',
    });
  });
  it('maps a 400 "Channel not found" (a gone channel named in the query, e.g. removeChannel) to not-found', () => {
    expect(errorFromResponse('removeFromBridge', 400, '{"message":"Channel not found"}')).toMatchObject({
      code: 'not-found',
      status: 400,
    });
    expect(errorFromResponse('addToBridge', 400, '{"message":"Missing parameter channel"}').code).toBe(
      'invalid',
    );
  });
  it('copes with a non-JSON body', () => {
    expect(errorFromResponse('play', 500, 'boom').message).toBe('play: boom');
    expect(errorFromResponse('play', 500, '').message).toBe('play: HTTP 500');
  });
});

describe('errorFromNetwork', () => {
  it('maps connection errors to unavailable and aborts to timeout', () => {
    expect(errorFromNetwork('answer', new TypeError('fetch failed')).code).toBe('unavailable');
    expect(errorFromNetwork('answer', Object.assign(new Error('t'), { name: 'TimeoutError' })).code).toBe(
      'timeout',
    );
  });
});
