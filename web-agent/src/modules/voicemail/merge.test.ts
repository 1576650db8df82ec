import { describe, expect, it } from 'vitest';
import type { VoicemailItem } from './api.ts';
import { addMessage, replaceMessage } from './merge.ts';

const vm = (id: string, heardAt: string | null = null): VoicemailItem => ({
  id, callId: `c-${id}`, mailboxKind: 'queue', mailboxId: 'q', mailboxName: 'Q', callerNumber: '138', partyType: null, partyId: null, customerId: null, durationSec: 3, createdAt: '2026-01-01T00:00:00Z', heardAt,
});

describe('voicemail list merging', () => {
  it('puts a pushed message on top once', () => {
    const first = addMessage([vm('a')], vm('b'));
    expect(first).toEqual({ list: [vm('b'), vm('a')], added: true });
    expect(addMessage(first.list, vm('b'))).toEqual({ list: first.list, added: false });
  });

  it('replaces a heard message in place', () => {
    expect(replaceMessage([vm('a'), vm('b')], vm('b', 'now'))).toEqual([vm('a'), vm('b', 'now')]);
  });
});
