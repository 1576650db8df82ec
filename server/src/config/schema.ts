import { Type, type Static } from 'typebox';

/** Every setting Ringside reads, with its default. Names match the environment variables one to one. */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  /** Comma-separated process roles: api, worker, telephony, or all. */
  ROLES: Type.String({ default: 'all', pattern: '^(all|api|worker|telephony)(,(api|worker|telephony))*$' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  DATABASE_URL: Type.String({
    default: 'postgres://postgres@127.0.0.1:5432/ringside',
    pattern: '^postgres(ql)?://',
  }),
  REDIS_URL: Type.String({ default: 'redis://127.0.0.1:6379', pattern: '^rediss?://' }),
  /** Secure cookies need https; on by default in production. */
  COOKIE_SECURE: Type.Optional(Type.Boolean()),
  SESSION_TTL_HOURS: Type.Integer({ default: 12, minimum: 1, maximum: 720 }),
  LOGIN_RATE_LIMIT_PER_MINUTE: Type.Integer({ default: 10, minimum: 1 }),
  PBX_ENABLED: Type.Boolean({ default: true }),
  ARI_URL: Type.String({ default: 'http://127.0.0.1:8088', pattern: '^https?://' }),
  ARI_USER: Type.String({ default: 'ringside', minLength: 1 }),
  /** No default on purpose: the start command generates one into .env; it is never committed. */
  ARI_PASSWORD: Type.String({ default: '' }),
  ARI_APP: Type.String({ default: 'ringside', pattern: '^[a-z][a-z0-9_-]*$' }),
  /** Where the cached Debian sid root with Asterisk lives, outside the repository. */
  PBX_ROOT: Type.String({ default: '/var/cache/ringside/asterisk-root' }),
  /** SIP over WebSocket URL the console's softphone connects to. */
  SIP_WS_URL: Type.String({ default: 'ws://127.0.0.1:8088/ws' }),
  /** JSON array of RTCIceServer objects; empty means no STUN/TURN (never a public default). */
  ICE_SERVERS: Type.String({ default: '[]' }),
  /**
   * Where a leg to a number without a trunk (click-to-dial, transfer to a number) is dialed, in the PBX's
   * syntax with {number} replaced; empty = the PBX adapter's default (its outbound dialplan routing).
   * Passed to the adapter as is and validated by it (loadConfig): the server never reads it.
   */
  OUTBOUND_DIAL: Type.String({ default: '' }),
  PHONE_DEFAULT_REGION: Type.String({ default: 'CN', pattern: '^[A-Z]{2}$' }),
  DEFAULT_LOCALE: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' }),
  /** IANA zone of the contact centre: "today" on the wallboard (and daily figures) starts at its local midnight. */
  TIMEZONE: Type.String({ default: 'Asia/Shanghai', minLength: 1 }),
  /** Built console assets, served by the api role when present. */
  WEB_DIST: Type.String({ default: 'web-agent/dist' }),
  /** Comma-separated origins allowed to post the public web form (CORS allow-list). */
  WEBFORM_ORIGINS: Type.String({ default: '' }),
  /** Public web-form submissions allowed per client address per minute. */
  WEBFORM_RATE_LIMIT_PER_MINUTE: Type.Integer({ default: 10, minimum: 1 }),
  RECORDINGS_DIR: Type.String({ default: '' }),
});

export type RawConfig = Static<typeof ConfigSchema>;
