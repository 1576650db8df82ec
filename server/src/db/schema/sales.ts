import { bigint, boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts, customers } from './customers.ts';
import { opportunities } from './opportunities.ts';
import { ownedColumns } from './ownership.ts';
import { users } from './users.ts';

// Money is integer cents (fen); rates are basis points (1300 = 13.00 %). No floats anywhere in totals.

/** Product catalogue (产品). */
export const products = pgTable('products', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  unit: text('unit').notNull().default('pcs'),
  priceCents: bigint('price_cents', { mode: 'number' }).notNull().default(0),
  taxRateBp: integer('tax_rate_bp').notNull().default(0),
  active: boolean('active').notNull().default(true),
  description: text('description'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';
export type OrderStatus = 'draft' | 'confirmed' | 'delivered' | 'completed' | 'cancelled';

function documentColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    currency: text('currency').notNull().default('CNY'),
    /** Document-level discount, applied to every line after its own discount. */
    discountBp: integer('discount_bp').notNull().default(0),
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull().default(0),
    discountCents: bigint('discount_cents', { mode: 'number' }).notNull().default(0),
    taxCents: bigint('tax_cents', { mode: 'number' }).notNull().default(0),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...ownedColumns(),
  };
}

function lineColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    unit: text('unit'),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    /** After the line discount, before the document discount. */
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
    taxCents: bigint('tax_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
  };
}

/** Quotations (报价单). */
export const quotes = pgTable(
  'quotes',
  {
    ...documentColumns(),
    status: text('status').notNull().default('draft').$type<QuoteStatus>(),
    validUntil: date('valid_until'),
  },
  (t) => [index('quotes_customer_status_idx').on(t.customerId, t.status), index('quotes_owner_idx').on(t.ownerId), index('quotes_opportunity_idx').on(t.opportunityId)],
);

export const quoteLines = pgTable(
  'quote_lines',
  { ...lineColumns(), quoteId: uuid('quote_id').notNull().references(() => quotes.id, { onDelete: 'cascade' }) },
  (t) => [index('quote_lines_quote_idx').on(t.quoteId, t.position)],
);

/** Contracts / orders (合同/订单). `paidCents` is kept in step with payments in the same transaction. */
export const orders = pgTable(
  'orders',
  {
    ...documentColumns(),
    status: text('status').notNull().default('draft').$type<OrderStatus>(),
    quoteId: uuid('quote_id').references(() => quotes.id, { onDelete: 'set null' }),
    signedDate: date('signed_date'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('orders_customer_status_idx').on(t.customerId, t.status), index('orders_owner_idx').on(t.ownerId), index('orders_opportunity_idx').on(t.opportunityId)],
);

export const orderLines = pgTable(
  'order_lines',
  { ...lineColumns(), orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }) },
  (t) => [index('order_lines_order_idx').on(t.orderId, t.position)],
);

export const orderStatusHistory = pgTable(
  'order_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<OrderStatus>(),
    toStatus: text('to_status').notNull().$type<OrderStatus>(),
    note: text('note'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_status_history_order_idx').on(t.orderId, t.changedAt)],
);

/** Payment plan (回款计划): instalments of an order. */
export const paymentInstallments = pgTable(
  'payment_installments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    dueDate: date('due_date').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payment_installments_order_seq').on(t.orderId, t.seq), index('payment_installments_customer_due_idx').on(t.customerId, t.dueDate)],
);

/** Received payments (回款). */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    installmentId: uuid('installment_id').references(() => paymentInstallments.id, { onDelete: 'set null' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    receivedOn: date('received_on').notNull(),
    method: text('method'),
    reference: text('reference'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payments_customer_idx').on(t.customerId, t.receivedOn), index('payments_order_idx').on(t.orderId)],
);
