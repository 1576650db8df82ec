// Generated parts of pjsip.conf / rtp.conf: static agents, an optional trunk, ICE/media addressing.
import { assertConfigSafe } from './template.ts';

export interface StaticAgent {
  /** Endpoint, aor and auth name; also the SIP username the softphone registers with. */
  id: string;
  password: string;
}

export interface TrunkOptions {
  /** Endpoint name used in PJSIP/NUMBER@name. */
  name: string;
  host: string;
  port?: number;
  /** Context for calls arriving from the trunk (default ringside-inbound). */
  context?: string;
  codecs?: string[];
}

export interface IceHostCandidate {
  /** Address Asterisk finds on a local interface (e.g. a veth at 10.99.0.1). */
  local: string;
  /** Address it advertises instead (e.g. 127.0.0.1). */
  advertised: string;
}

export function agentSections(agents: readonly StaticAgent[]): string {
  return agents
    .map((a) => {
      assertConfigSafe(`agent id ${a.id}`, a.id);
      assertConfigSafe(`password of agent ${a.id}`, a.password);
      return [
        `[${a.id}](ringside-webrtc-endpoint)`,
        `aors = ${a.id}`,
        `auth = ${a.id}`,
        '',
        `[${a.id}](ringside-webrtc-aor)`,
        '',
        `[${a.id}](ringside-webrtc-auth)`,
        `username = ${a.id}`,
        `password = ${a.password}`,
        '',
      ].join('\n');
    })
    .join('\n');
}

export function trunkSections(trunk: TrunkOptions | undefined): string {
  if (!trunk) return '; no trunk configured';
  assertConfigSafe('trunk name', trunk.name);
  const port = trunk.port ?? 5060;
  const codecs = trunk.codecs ?? ['ulaw', 'alaw'];
  return [
    `[${trunk.name}]`,
    'type = endpoint',
    'transport = transport-udp',
    `context = ${trunk.context ?? 'ringside-inbound'}`,
    'disallow = all',
    `allow = ${codecs.join(',')}`,
    `aors = ${trunk.name}`,
    // Our Q.850 cause travels in the Reason header (RFC 3326) in both directions.
    'send_rpid = yes',
    '',
    `[${trunk.name}]`,
    'type = aor',
    `contact = sip:${trunk.host}:${port}`,
    '',
    `[${trunk.name}]`,
    'type = identify',
    `endpoint = ${trunk.name}`,
    // ip AND port: a bare 127.0.0.1 would also capture the WebSocket agents on a loopback-only host.
    `match = ${trunk.host}:${port}`,
    '',
  ].join('\n');
}

export function mediaAddressLines(mediaAddress: string | undefined): string {
  if (!mediaAddress) return '; media_address: not set (Asterisk offers its interface addresses)';
  return `media_address = ${mediaAddress}\nbind_rtp_to_media_address = yes`;
}

export function iceHostCandidateLines(candidates: readonly IceHostCandidate[]): string {
  if (candidates.length === 0) return '; none';
  return candidates.map((c) => `${c.local} => ${c.advertised}`).join('\n');
}
