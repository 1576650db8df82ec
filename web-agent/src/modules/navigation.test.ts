import { describe, expect, it } from 'vitest';
import { MODULES, canSeeModule, visibleModules } from './navigation.ts';

describe('module visibility by role', () => {
  it('an agent sees the workbench, customers and leads', () => {
    expect(visibleModules(['agent'])).toEqual(['workbench', 'customers', 'leads']);
  });

  it('a sales rep sees customers, leads and the pipeline', () => {
    expect(visibleModules(['sales'])).toEqual(['customers', 'leads', 'pipeline']);
  });

  it('a supervisor also sees the pipeline (they manage sales teams), campaigns, the wallboard and reports, but not administration', () => {
    expect(visibleModules(['supervisor'])).toEqual(['workbench', 'customers', 'leads', 'pipeline', 'campaigns', 'wallboard', 'reports', 'recordings']);
    expect(canSeeModule(['supervisor'], 'admin')).toBe(false);
  });

  it('an admin sees every module', () => {
    expect(visibleModules(['admin'])).toEqual([...MODULES]);
  });

  it('several roles see the union, in navigation order', () => {
    expect(visibleModules(['sales', 'agent'])).toEqual(['workbench', 'customers', 'leads', 'pipeline']);
  });

  it('no roles or unknown roles see nothing', () => {
    expect(visibleModules([])).toEqual([]);
    expect(visibleModules(['guest'])).toEqual([]);
  });
});
