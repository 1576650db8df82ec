import { describe, expect, it } from 'vitest';
import { allJobs } from './handlers.ts';
import { JOB_NAMES } from './names.ts';
import { buildRegistry, queueOf, type JobDefinition } from './registry.ts';

const job = (name: string): JobDefinition<never> => ({ name, handle: async () => undefined });

describe('job registry', () => {
  it('has a handler for every job name the server enqueues', () => {
    expect(() => buildRegistry(allJobs, JOB_NAMES)).not.toThrow();
  });

  it('fails at startup when an expected job has no handler', () => {
    expect(() => buildRegistry([job('a.one')], ['a.one', 'b.two'])).toThrow(/b\.two/);
  });

  it('refuses a job registered twice', () => {
    expect(() => buildRegistry([job('a.one'), job('a.one')], [])).toThrow(/twice/);
  });

  it('derives the queue from the name and insists on <queue>.<action>', () => {
    expect(queueOf('maintenance.purge-sessions')).toBe('maintenance');
    expect(() => queueOf('nodot')).toThrow();
  });
});
