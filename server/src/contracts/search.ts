import { Type, type Static } from 'typebox';

export const SearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }) },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const N = Type.Union([Type.String(), Type.Null()]);
export const SearchHit = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  /** Company for leads, customer name for contacts, level for customers. */
  subtitle: N,
  customerId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  /** What matched: name, phone or email. */
  matchedBy: Type.Union([Type.Literal('name'), Type.Literal('phone'), Type.Literal('email')]),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Type.Object({ q: Type.String(), customers: Type.Array(SearchHit), contacts: Type.Array(SearchHit), leads: Type.Array(SearchHit) });
export type SearchResult = Static<typeof SearchResult>;
