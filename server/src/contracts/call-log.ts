// The call log's filters (CC5): the base query of contracts/telephony.ts plus direction, campaign,
// disposition, talk duration and a caller/called number fragment.
import { Type, type Static } from 'typebox';
import { CallLogQuery } from './telephony.ts';

export const CallLogFilterQuery = Type.Object(
  {
    ...CallLogQuery.properties,
    direction: Type.Optional(Type.Union([Type.Literal('inbound'), Type.Literal('outbound')])),
    campaignId: Type.Optional(Type.String({ format: 'uuid' })),
    disposition: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** Talk time bounds in seconds (inclusive). */
    minTalkSec: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    maxTalkSec: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    /** Digits of the caller's or called number (any part). */
    number: Type.Optional(Type.String({ pattern: '^\\+?[0-9]{2,20}$' })),
  },
  { additionalProperties: false },
);
export type CallLogFilterQuery = Static<typeof CallLogFilterQuery>;
