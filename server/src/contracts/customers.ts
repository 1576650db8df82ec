import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
const Text = (max: number) => Type.String({ maxLength: max });
/** A string union schema whose static type is the union of the values (Type.Union over a mapped array loses it). */
const lit = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

export const PHONE_KINDS = ['mobile', 'work', 'home', 'fax', 'other'] as const;
export const RELATION_KINDS = ['upstream', 'downstream', 'partner', 'parent_brand', 'child_brand'] as const;
export const RECENCY_VIEWS = ['next7', 'contacted7', 'notContacted7'] as const;

export const PhoneInput = Type.Object(
  { number: Type.String({ minLength: 1, maxLength: 40 }), kind: Type.Optional(lit(PHONE_KINDS)), isPrimary: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type PhoneInput = Static<typeof PhoneInput>;
export const PhoneDto = Type.Object({ e164: Type.String(), raw: Type.String(), kind: Type.String(), isPrimary: Type.Boolean() });

export const AddressSchema = Type.Object(
  {
    label: Type.Optional(Text(50)),
    country: Type.Optional(Text(100)),
    province: Type.Optional(Text(100)),
    city: Type.Optional(Text(100)),
    district: Type.Optional(Text(100)),
    street: Type.Optional(Text(300)),
    postcode: Type.Optional(Text(20)),
  },
  { additionalProperties: false },
);

const Email = Type.String({ format: 'email', maxLength: 254 });
const DateOnly = Type.String({ format: 'date' });

const customerFields = {
  kind: Type.Optional(lit(['company', 'individual'])),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  industry: Nullable(Text(100)),
  size: Nullable(Text(50)),
  source: Nullable(Text(100)),
  level: Nullable(Text(50)),
  relationship: Nullable(Text(50)),
  firstCooperationDate: Nullable(DateOnly),
  firstCooperationType: Nullable(Text(100)),
  valueGrade: Nullable(Text(20)),
  satisfaction: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()])),
  emails: Type.Optional(Type.Array(Email, { maxItems: 10 })),
  addresses: Type.Optional(Type.Array(AddressSchema, { maxItems: 10 })),
  website: Nullable(Text(300)),
  notes: Nullable(Text(5000)),
  nextContactAt: Nullable(Type.String({ format: 'date-time' })),
  phones: Type.Optional(Type.Array(PhoneInput, { maxItems: 20 })),
  custom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};

export const CustomerCreateBody = Type.Object({ ...customerFields, ownerId: Type.Optional(Uuid) }, { additionalProperties: false });
export type CustomerCreateBody = Static<typeof CustomerCreateBody>;
export const CustomerUpdateBody = Type.Object({ ...customerFields, name: Type.Optional(customerFields.name) }, { additionalProperties: false, minProperties: 1 });
export type CustomerUpdateBody = Static<typeof CustomerUpdateBody>;

const S = Type.String();
const NS = Type.Union([Type.String(), Type.Null()]);
export const CustomerDto = Type.Object({
  id: Uuid,
  kind: S,
  name: S,
  industry: NS,
  size: NS,
  source: NS,
  level: NS,
  relationship: NS,
  firstCooperationDate: NS,
  firstCooperationType: NS,
  valueGrade: NS,
  satisfaction: Type.Union([Type.Integer(), Type.Null()]),
  emails: Type.Array(S),
  addresses: Type.Array(AddressSchema),
  website: NS,
  notes: NS,
  custom: Type.Record(S, Type.Unknown()),
  phones: Type.Array(PhoneDto),
  lastContactAt: NS,
  nextContactAt: NS,
  lastTransactionAt: NS,
  lastServiceAt: NS,
  ownerId: NullableUuid,
  ownerName: NS,
  teamId: NullableUuid,
  createdAt: S,
  updatedAt: S,
});
export type CustomerDto = Static<typeof CustomerDto>;

export const CUSTOMER_SORTS = ['name', '-name', 'updatedAt', '-updatedAt', 'lastContactAt', '-lastContactAt', 'nextContactAt', '-nextContactAt'] as const;
export const CustomerListQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    level: Type.Optional(Type.String({ maxLength: 50 })),
    industry: Type.Optional(Type.String({ maxLength: 100 })),
    ownerId: Type.Optional(Uuid),
    view: Type.Optional(lit(RECENCY_VIEWS)),
    /** Custom field equals: JSON object of key → value, e.g. {"tier":"A"}. */
    custom: Type.Optional(Type.String({ maxLength: 1000 })),
    sort: Type.Optional(lit(CUSTOMER_SORTS)),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);
export type CustomerListQuery = Static<typeof CustomerListQuery>;
export const CustomerPage = Type.Object({ items: Type.Array(CustomerDto), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

const contactFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  title: Nullable(Text(100)),
  department: Nullable(Text(100)),
  gender: Nullable(Text(20)),
  birthday: Nullable(DateOnly),
  emails: Type.Optional(Type.Array(Email, { maxItems: 10 })),
  isPrimary: Type.Optional(Type.Boolean()),
  reportsToContactId: Type.Optional(NullableUuid),
  notes: Nullable(Text(5000)),
  phones: Type.Optional(Type.Array(PhoneInput, { maxItems: 20 })),
  custom: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};
export const ContactCreateBody = Type.Object(contactFields, { additionalProperties: false });
export type ContactCreateBody = Static<typeof ContactCreateBody>;
export const ContactUpdateBody = Type.Object({ ...contactFields, name: Type.Optional(contactFields.name) }, { additionalProperties: false, minProperties: 1 });
export type ContactUpdateBody = Static<typeof ContactUpdateBody>;
export const ContactDto = Type.Object({
  id: Uuid,
  customerId: NullableUuid,
  name: S,
  title: NS,
  department: NS,
  gender: NS,
  birthday: NS,
  emails: Type.Array(S),
  isPrimary: Type.Boolean(),
  reportsToContactId: NullableUuid,
  notes: NS,
  custom: Type.Record(S, Type.Unknown()),
  phones: Type.Array(PhoneDto),
  lastContactAt: NS,
  ownerId: NullableUuid,
  teamId: NullableUuid,
  createdAt: S,
  updatedAt: S,
});
export type ContactDto = Static<typeof ContactDto>;
export const ContactList = Type.Object({ items: Type.Array(ContactDto) });

export const RelationCreateBody = Type.Object(
  { toCustomerId: Uuid, kind: lit(RELATION_KINDS), note: Nullable(Text(500)) },
  { additionalProperties: false },
);
export type RelationCreateBody = Static<typeof RelationCreateBody>;
export const RelationDto = Type.Object({ id: Uuid, fromCustomerId: Uuid, toCustomerId: Uuid, otherName: S, kind: S, direction: Type.Union([Type.Literal('out'), Type.Literal('in')]), note: NS });
export type RelationDto = Static<typeof RelationDto>;
export const RelationList = Type.Object({ items: Type.Array(RelationDto) });

export const ShareBody = Type.Object(
  { userId: Type.Optional(Uuid), teamId: Type.Optional(Uuid), canEdit: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type ShareBody = Static<typeof ShareBody>;
export const ShareDto = Type.Object({ id: Uuid, userId: NullableUuid, teamId: NullableUuid, canEdit: Type.Boolean(), createdAt: S });
export const ShareList = Type.Object({ items: Type.Array(ShareDto) });
export const TransferBody = Type.Object({ ownerId: Uuid, teamId: Type.Optional(NullableUuid), includeContacts: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type TransferBody = Static<typeof TransferBody>;

export const SavedQueryBody = Type.Object(
  { entityType: lit(['customer', 'contact', 'lead']), name: Type.String({ minLength: 1, maxLength: 100 }), filter: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);
export type SavedQueryBody = Static<typeof SavedQueryBody>;
export const SavedQueryUpdateBody = Type.Object(
  { name: Type.Optional(SavedQueryBody.properties.name), filter: Type.Optional(SavedQueryBody.properties.filter) },
  { additionalProperties: false, minProperties: 1 },
);
export type SavedQueryUpdateBody = Static<typeof SavedQueryUpdateBody>;
export const SavedQueryDto = Type.Object({ id: Uuid, entityType: S, name: S, filter: Type.Record(S, Type.Unknown()), createdAt: S, updatedAt: S });
export const SavedQueryList = Type.Object({ items: Type.Array(SavedQueryDto) });

export const PhoneMatchDto = Type.Object({ partyType: lit(['customer', 'contact', 'lead']), partyId: Uuid, name: S, customerId: NullableUuid, customerName: NS, e164: S });
export type PhoneMatchDto = Static<typeof PhoneMatchDto>;
export const PhoneLookupQuery = Type.Object({ number: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const PhoneLookupResult = Type.Object({ e164: S, matches: Type.Array(PhoneMatchDto) });

export const TimelineQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, { additionalProperties: false });

type Rows = Record<string, unknown>[];
export type TimelinePage = { items: Rows; nextCursor: string | null };
/** GET /api/customers/:id/360: sections are JSON rows assembled in SQL (see customer360/sections.ts). */
export type Customer360 = {
  customer: CustomerDto;
  contacts: Rows;
  relations: Rows;
  opportunities: Rows;
  quotes: Rows;
  orders: Rows;
  payments: Rows;
  serviceRequests: Rows;
  stats: Record<string, unknown>;
  timeline: TimelinePage;
};
