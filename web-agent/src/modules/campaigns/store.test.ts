import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useCampaignsStore } from './store.ts';
import type { LiveProgress } from './types.ts';

const push = (over: Partial<LiveProgress>): LiveProgress => ({
  campaignId: 'c1', name: 'A', mode: 'predictive', status: 'running', dialRatePerMin: 4, linesInProgress: 2, connectsToday: 7, abandonPctWindow: 1.5, recordsLeft: 90, ...over,
});

describe('campaigns store: campaign:progress pushes', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the latest push per campaign and follows the status it reports', () => {
    const store = useCampaignsStore();
    store.list = [{ id: 'c1', name: 'A', mode: 'predictive', status: 'running' }, { id: 'c2', name: 'B', mode: 'preview', status: 'draft' }];
    store.onLive(push({}));
    store.onLive(push({ status: 'paused', linesInProgress: 0, recordsLeft: 88 }));
    expect(store.live.c1).toMatchObject({ linesInProgress: 0, recordsLeft: 88 });
    expect(store.list.map((c) => c.status)).toEqual(['paused', 'draft']);
  });

  it('ignores a status it does not know and pushes for campaigns not in the list', () => {
    const store = useCampaignsStore();
    store.list = [{ id: 'c1', name: 'A', mode: 'predictive', status: 'running' }];
    store.onLive(push({ status: 'weird' }));
    store.onLive(push({ campaignId: 'other' }));
    expect(store.list[0]!.status).toBe('running');
    expect(Object.keys(store.live).sort()).toEqual(['c1', 'other']);
  });

  it('replace() updates a campaign in place or puts a new one first', () => {
    const store = useCampaignsStore();
    store.list = [{ id: 'c1', name: 'A', mode: 'predictive', status: 'draft' }];
    store.replace({ id: 'c1', name: 'A2', mode: 'predictive', status: 'running' });
    store.replace({ id: 'c2', name: 'B', mode: 'preview', status: 'draft' });
    expect(store.list.map((c) => `${c.id}:${c.name}:${c.status}`)).toEqual(['c2:B:draft', 'c1:A2:running']);
  });
});
