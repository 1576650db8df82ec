import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.ts';

describe('loadConfig', () => {
  it('fills defaults: 127.0.0.1:3000, all roles, CN phone region, Chinese UI, no public STUN', () => {
    const c = loadConfig({});
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.PORT).toBe(3000);
    expect(c.roles).toEqual(['api', 'worker', 'telephony']);
    expect(c.PHONE_DEFAULT_REGION).toBe('CN');
    expect(c.DEFAULT_LOCALE).toBe('zh-CN');
    expect(c.iceServers).toEqual([]);
  });

  it('coerces numbers and booleans from environment strings', () => {
    const c = loadConfig({ PORT: '8080', PBX_ENABLED: 'false', COOKIE_SECURE: 'yes' });
    expect(c.PORT).toBe(8080);
    expect(c.PBX_ENABLED).toBe(false);
    expect(c.cookieSecure).toBe(true);
  });

  it('reports every invalid setting at once, by name', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        ROLES: 'api,dialer',
        DATABASE_URL: 'mysql://x',
        PHONE_DEFAULT_REGION: 'china',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'ROLES', 'DATABASE_URL', 'PHONE_DEFAULT_REGION'])
        expect(problems).toContain(key);
    }
  });

  it('leaves OUTBOUND_DIAL to the PBX adapter unless set, and refuses one the PBX would not accept', () => {
    expect(loadConfig({}).OUTBOUND_DIAL).toBe('');
    expect(loadConfig({ OUTBOUND_DIAL: 'Local/tone@ringside-test' }).OUTBOUND_DIAL).toBe(
      'Local/tone@ringside-test',
    );
    expect(() => loadConfig({ OUTBOUND_DIAL: 'Local/{number}@out;2' })).toThrow(/OUTBOUND_DIAL/);
  });

  it('rejects a PORT outside 0..65535', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
  });

  it('splits ROLES and removes duplicates', () => {
    expect(loadConfig({ ROLES: 'api,telephony,api' }).roles).toEqual(['api', 'telephony']);
  });

  it('rejects ICE_SERVERS that are not a JSON array', () => {
    expect(() => loadConfig({ ICE_SERVERS: '{"urls":"stun:x"}' })).toThrow(/ICE_SERVERS/);
    expect(
      loadConfig({ ICE_SERVERS: '[{"urls":"turn:turn.example.com","username":"u","credential":"p"}]' })
        .iceServers,
    ).toHaveLength(1);
  });

  it('refuses to run production with the PBX on and a short ARI password', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ARI_PASSWORD: 'short' })).toThrow(/ARI_PASSWORD/);
    expect(loadConfig({ NODE_ENV: 'production', ARI_PASSWORD: 'a-long-enough-secret' }).cookieSecure).toBe(
      true,
    );
  });

  it('returns a frozen object', () => {
    const c = loadConfig({});
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('ignores unknown variables', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', SOMETHING_ELSE: 'x' })).not.toThrow();
  });
});
