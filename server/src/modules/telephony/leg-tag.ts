// What a channel is to Ringside: its leg tag. One typed union for every leg any module creates, and one
// codec for it. The tag travels with the channel as a channel variable (set on the originate, or right
// after an inbound call entered), so a restarted server can read it back from the PBX and know every
// leg it finds without any memory of its own (recovery.ts).

/** The channel variable that carries the encoded tag. */
export const LEG_TAG_VARIABLE = 'RINGSIDE_LEG';

export type LegTag =
  /** The caller of an inbound call (or the called party of a dialer call once telephony owns it). */
  | { kind: 'caller'; callId: string }
  /** A leg offered to an agent by the ACD (ringing until it enters our app = answered). */
  | { kind: 'agentLeg'; callId: string; agentId: string }
  /** The target of a transfer (an agent, or an external number when agentId is null). */
  | { kind: 'consultLeg'; callId: string; agentId: string | null }
  /** Click-to-dial: the agent's own phone, rung first. */
  | { kind: 'dialAgent'; callId: string; agentId: string }
  /** Click-to-dial: the number, dialed once the agent answered. */
  | { kind: 'dialOut'; callId: string }
  /** A campaign dial attempt's called party, while the dialer owns it (ringing, AMD, waiting, abandon). */
  | { kind: 'dialer'; callId: string; campaignId: string; recordId: string }
  /** A supervisor's own phone, rung for a monitoring session on a call. */
  | { kind: 'supervisor'; callId: string; supervisorId: string }
  /** A snoop on an agent's leg for a monitoring session. */
  | { kind: 'snoop'; callId: string; supervisorId: string };

export type LegKind = LegTag['kind'];

// Encoded as "v1|kind|field|field…": short (it rides on every originate), no JSON quoting through the
// PBX's variable syntax, and versioned so a later format can still read what an older process wrote.
const FIELDS: { [K in LegKind]: readonly Exclude<keyof Extract<LegTag, { kind: K }>, 'kind'>[] } = {
  caller: ['callId'],
  agentLeg: ['callId', 'agentId'],
  consultLeg: ['callId', 'agentId'],
  dialAgent: ['callId', 'agentId'],
  dialOut: ['callId'],
  dialer: ['callId', 'campaignId', 'recordId'],
  supervisor: ['callId', 'supervisorId'],
  snoop: ['callId', 'supervisorId'],
};

const SAFE = /^[A-Za-z0-9_.:-]*$/;

export function encodeLegTag(tag: LegTag): string {
  const values = (FIELDS[tag.kind] as readonly string[]).map((f) => {
    const v = (tag as unknown as Record<string, string | null>)[f];
    const s = v ?? '';
    // Ids are uuids or digits; anything else would break the separator or the PBX's variable syntax.
    if (!SAFE.test(s)) throw new Error(`leg tag field ${f} has characters a tag cannot carry`);
    return s;
  });
  return ['v1', tag.kind, ...values].join('|');
}

export function decodeLegTag(raw: string | undefined): LegTag | null {
  if (!raw) return null;
  const [version, kind, ...values] = raw.split('|');
  if (version !== 'v1' || !kind || !(kind in FIELDS)) return null;
  const fields = FIELDS[kind as LegKind] as readonly string[];
  if (values.length !== fields.length || values.some((v) => !SAFE.test(v))) return null;
  const tag: Record<string, string | null> = { kind };
  fields.forEach((f, i) => (tag[f] = values[i] === '' ? null : values[i]!));
  // Only consultLeg.agentId may be empty (an external number); an empty required id is a corrupt tag.
  for (const f of fields) if (tag[f] === null && !(kind === 'consultLeg' && f === 'agentId')) return null;
  return tag as unknown as LegTag;
}

/** The originate variables that carry a leg's tag. */
export function legTagVariables(tag: LegTag): Record<string, string> {
  return { [LEG_TAG_VARIABLE]: encodeLegTag(tag) };
}
