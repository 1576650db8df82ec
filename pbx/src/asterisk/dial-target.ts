// DialTarget → the dial string (ARI originate `endpoint`) and the codecs to offer. Pure. The server names
// targets as typed values; only this file knows Asterisk's syntax for them.
import type { DialTarget } from '../port/commands.ts';
import { PbxError } from '../port/errors.ts';

/** Where a number goes when no trunk is named: the dialplan's outbound routing (dialplans/outbound.conf). */
export const DEFAULT_NUMBER_ADDRESS = 'Local/{number}@ringside-outbound';

/** An agent's WebRTC phone is offered opus first; a plain originate would offer PCMU first. */
const AGENT_FORMATS = ['opus', 'ulaw'];

const MAX_ADDRESS_LENGTH = 120;
// Technology prefix, then no whitespace or control character (a header/line injection), no "," (ARI
// splits lists on it), ";" (channel options, the ;2 half of a Local channel), "&" (Dial's parallel
// targets) and no "[" / "]" (config section syntax).
const ADDRESS = /^(PJSIP|Local)\/[^\s\p{Cc},;&[\]]+$/u;
const NUMBER = /^\+?[0-9*#]{1,32}$/;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** True for a dial address an admin may store for a user's phone (e.g. PJSIP/desk-12, Local/tone@ringside-test). */
export function isDialAddress(s: unknown): s is string {
  return typeof s === 'string' && s.length <= MAX_ADDRESS_LENGTH && ADDRESS.test(s);
}

export interface DialPlan {
  /** The ARI originate endpoint. */
  endpoint: string;
  /** Codecs to offer, in order; undefined = the endpoint's own configuration. */
  formats?: string[];
}

function invalid(message: string): PbxError {
  return new PbxError('invalid', `originate: ${message}`, 'originate');
}

function checked(endpoint: string): string {
  if (!isDialAddress(endpoint)) throw invalid(`not a valid dial address: ${JSON.stringify(endpoint)}`);
  return endpoint;
}

/**
 * The endpoint and formats for a target. `numberAddress` is the address template of a number without a
 * trunk ({number} replaced). `formats` given by the caller win over the defaults.
 */
export function dialPlanFor(
  target: DialTarget,
  formats: string[] | undefined,
  numberAddress = DEFAULT_NUMBER_ADDRESS,
): DialPlan {
  switch (target.kind) {
    case 'agent':
      if (!NAME.test(target.userId)) throw invalid(`not a user id: ${JSON.stringify(target.userId)}`);
      return { endpoint: `PJSIP/agent-${target.userId}`, formats: formats ?? AGENT_FORMATS };
    case 'number': {
      if (!NUMBER.test(target.number)) throw invalid(`not a phone number: ${JSON.stringify(target.number)}`);
      if (target.trunk === undefined)
        return { endpoint: checked(numberAddress.replaceAll('{number}', target.number)), formats };
      if (!NAME.test(target.trunk)) throw invalid(`not a trunk name: ${JSON.stringify(target.trunk)}`);
      return { endpoint: `PJSIP/${target.number.replace(/^\+/, '')}@${target.trunk}`, formats };
    }
    case 'address':
      // A configured SIP phone is offered opus too, as before targets were typed (it may be a browser).
      return {
        endpoint: checked(target.address),
        formats: formats ?? (target.address.startsWith('PJSIP/') ? AGENT_FORMATS : undefined),
      };
  }
}

/** Checks a number-address template at start-up (it must give a valid address once a number is put in). */
export function isNumberAddressTemplate(s: string): boolean {
  return isDialAddress(s.replaceAll('{number}', '0'));
}
