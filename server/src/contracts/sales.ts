import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const NullableText = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);
const DateOnly = Type.String({ format: 'date' });
const Cents = Type.Integer({ minimum: 0, maximum: 9_000_000_000_000 });
/** Percent with at most two decimals (13.5 = 13.50 %); stored as basis points. */
const Percent = Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01 });

const productFields = {
  code: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  priceCents: Type.Optional(Cents),
  taxRatePct: Type.Optional(Percent),
  active: Type.Optional(Type.Boolean()),
  description: Type.Optional(NullableText(2000)),
};
export const ProductCreateBody = Type.Object(productFields, { additionalProperties: false });
export type ProductCreateBody = Static<typeof ProductCreateBody>;
export const ProductUpdateBody = Type.Object(
  { ...productFields, code: Type.Optional(productFields.code), name: Type.Optional(productFields.name) },
  { additionalProperties: false, minProperties: 1 },
);
export type ProductUpdateBody = Static<typeof ProductUpdateBody>;
export const ProductDto = Type.Object({
  id: Uuid, code: Type.String(), name: Type.String(), unit: Type.String(), priceCents: Type.Integer(), taxRatePct: Type.Number(),
  active: Type.Boolean(), description: Type.Union([Type.String(), Type.Null()]),
});
export type ProductDto = Static<typeof ProductDto>;

/** A line is a catalogue product (defaults filled from it) or free text (description + unitPriceCents). */
export const LineInput = Type.Object(
  {
    productId: Type.Optional(NullableUuid),
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    unit: Type.Optional(NullableText(20)),
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000_000, multipleOf: 0.001 }),
    unitPriceCents: Type.Optional(Cents),
    discountPct: Type.Optional(Percent),
    taxRatePct: Type.Optional(Percent),
  },
  { additionalProperties: false },
);
export type LineInput = Static<typeof LineInput>;

const documentFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  customerId: Uuid,
  contactId: Type.Optional(NullableUuid),
  opportunityId: Type.Optional(NullableUuid),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  discountPct: Type.Optional(Percent),
  notes: Type.Optional(NullableText(5000)),
  lines: Type.Array(LineInput, { minItems: 1, maxItems: 200 }),
};
const QuoteStatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('sent'), Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('expired')]);
export const QuoteCreateBody = Type.Object({ ...documentFields, validUntil: Type.Optional(Type.Union([DateOnly, Type.Null()])) }, { additionalProperties: false });
export type QuoteCreateBody = Static<typeof QuoteCreateBody>;
export const QuoteUpdateBody = Type.Object(
  {
    title: Type.Optional(documentFields.title), contactId: documentFields.contactId, currency: documentFields.currency, discountPct: documentFields.discountPct,
    notes: documentFields.notes, lines: Type.Optional(documentFields.lines), validUntil: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    status: Type.Optional(QuoteStatusSchema), version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type QuoteUpdateBody = Static<typeof QuoteUpdateBody>;
export const OrderCreateBody = Type.Object(
  { ...documentFields, quoteId: Type.Optional(NullableUuid), signedDate: Type.Optional(Type.Union([DateOnly, Type.Null()])) },
  { additionalProperties: false },
);
export type OrderCreateBody = Static<typeof OrderCreateBody>;
export const OrderUpdateBody = Type.Object(
  {
    title: Type.Optional(documentFields.title), contactId: documentFields.contactId, currency: documentFields.currency, discountPct: documentFields.discountPct,
    notes: documentFields.notes, lines: Type.Optional(documentFields.lines), signedDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OrderUpdateBody = Static<typeof OrderUpdateBody>;
export const ORDER_STATUSES = ['draft', 'confirmed', 'delivered', 'completed', 'cancelled'] as const;
export const OrderStatusBody = Type.Object(
  { status: Type.Union([Type.Literal('draft'), Type.Literal('confirmed'), Type.Literal('delivered'), Type.Literal('completed'), Type.Literal('cancelled')]), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type OrderStatusBody = Static<typeof OrderStatusBody>;

export const LineDto = Type.Object({
  id: Uuid, position: Type.Integer(), productId: NullableUuid, description: Type.String(), unit: Type.Union([Type.String(), Type.Null()]),
  quantity: Type.String(), unitPriceCents: Type.Integer(), discountPct: Type.Number(), taxRatePct: Type.Number(),
  subtotalCents: Type.Integer(), netCents: Type.Integer(), taxCents: Type.Integer(), totalCents: Type.Integer(),
});
const documentDto = {
  id: Uuid, number: Type.String(), title: Type.String(), customerId: Uuid, contactId: NullableUuid, opportunityId: NullableUuid,
  currency: Type.String(), status: Type.String(), discountPct: Type.Number(), subtotalCents: Type.Integer(), discountCents: Type.Integer(),
  taxCents: Type.Integer(), totalCents: Type.Integer(), notes: Type.Union([Type.String(), Type.Null()]), ownerId: NullableUuid, teamId: NullableUuid,
  version: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(), lines: Type.Array(LineDto),
};
export const QuoteDto = Type.Object({ ...documentDto, validUntil: Type.Union([Type.String(), Type.Null()]) });
export type QuoteDto = Static<typeof QuoteDto>;
export const OrderHistoryDto = Type.Object({ fromStatus: Type.Union([Type.String(), Type.Null()]), toStatus: Type.String(), note: Type.Union([Type.String(), Type.Null()]), changedBy: NullableUuid, changedAt: Type.String() });
export const InstallmentDto = Type.Object({ id: Uuid, seq: Type.Integer(), dueDate: Type.String(), amountCents: Type.Integer(), note: Type.Union([Type.String(), Type.Null()]) });
export const PaymentDto = Type.Object({
  id: Uuid, orderId: Uuid, installmentId: NullableUuid, amountCents: Type.Integer(), receivedOn: Type.String(), method: Type.Union([Type.String(), Type.Null()]),
  reference: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(),
});
export type PaymentDto = Static<typeof PaymentDto>;
export const OrderDto = Type.Object({
  ...documentDto, quoteId: NullableUuid, signedDate: Type.Union([Type.String(), Type.Null()]), confirmedAt: Type.Union([Type.String(), Type.Null()]),
  paidCents: Type.Integer(), outstandingCents: Type.Integer(),
  history: Type.Array(OrderHistoryDto), installments: Type.Array(InstallmentDto), payments: Type.Array(PaymentDto),
});
export type OrderDto = Static<typeof OrderDto>;

export const SalesListQuery = Type.Object(
  {
    customerId: Type.Optional(Uuid), opportunityId: Type.Optional(Uuid), status: Type.Optional(Type.String({ maxLength: 20 })),
    page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type SalesListQuery = Static<typeof SalesListQuery>;
export const DocumentSummary = Type.Object({
  id: Uuid, number: Type.String(), title: Type.String(), customerId: Uuid, status: Type.String(), currency: Type.String(), totalCents: Type.Integer(),
  paidCents: Type.Optional(Type.Integer()), ownerId: NullableUuid, createdAt: Type.String(),
});
export const DocumentPage = Type.Object({ items: Type.Array(DocumentSummary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const InstallmentPlanBody = Type.Object(
  { items: Type.Array(Type.Object({ dueDate: DateOnly, amountCents: Type.Integer({ minimum: 1, maximum: 9_000_000_000_000 }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }), { maxItems: 60 }) },
  { additionalProperties: false },
);
export type InstallmentPlanBody = Static<typeof InstallmentPlanBody>;
export const PaymentCreateBody = Type.Object(
  {
    amountCents: Type.Integer({ minimum: 1, maximum: 9_000_000_000_000 }), receivedOn: DateOnly, installmentId: Type.Optional(NullableUuid),
    method: Type.Optional(Type.String({ maxLength: 40 })), reference: Type.Optional(Type.String({ maxLength: 100 })), note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type PaymentCreateBody = Static<typeof PaymentCreateBody>;

export const ReceivablesDto = Type.Object({
  customerId: Uuid,
  totalCents: Type.Integer(),
  paidCents: Type.Integer(),
  outstandingCents: Type.Integer(),
  overdueCents: Type.Integer(),
  orders: Type.Array(Type.Object({ orderId: Uuid, number: Type.String(), status: Type.String(), totalCents: Type.Integer(), paidCents: Type.Integer(), outstandingCents: Type.Integer() })),
  overdueInstallments: Type.Array(Type.Object({ orderId: Uuid, seq: Type.Integer(), dueDate: Type.String(), amountCents: Type.Integer() })),
});
export type ReceivablesDto = Static<typeof ReceivablesDto>;
