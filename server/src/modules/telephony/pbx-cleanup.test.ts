import { PbxError } from '@ringside/pbx';
import { describe, expect, it, vi } from 'vitest';
import { cleanupStep } from './pbx-cleanup.ts';

describe('cleanupStep', () => {
  it('carries on quietly when the object is gone', async () => {
    const log = { warn: vi.fn() };
    await cleanupStep(log, Promise.reject(new PbxError('not-found', 'Channel not found')), 'hang-up', {
      callId: 'c1',
    });
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('logs any other failure with its context and carries on', async () => {
    const log = { warn: vi.fn() };
    const err = new PbxError('unavailable', 'PBX unreachable');
    await expect(
      cleanupStep(log, Promise.reject(err), 'hang-up of the agent leg', { callId: 'c1' }),
    ).resolves.toBeUndefined();
    expect(log.warn).toHaveBeenCalledWith(
      { err, callId: 'c1' },
      'telephony: hang-up of the agent leg failed; carrying on with the cleanup',
    );
  });

  it('waits for a command that succeeds', async () => {
    const log = { warn: vi.fn() };
    await cleanupStep(log, Promise.resolve(), 'hang-up', {});
    expect(log.warn).not.toHaveBeenCalled();
  });
});
