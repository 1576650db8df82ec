import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { activities } from '../../db/schema/activities.ts';
import { calls, recordings } from '../../db/schema/calls.ts';
import { contacts, customerRelations, customers, phoneNumbers } from '../../db/schema/customers.ts';
import { opportunities, pipelineStages } from '../../db/schema/opportunities.ts';
import { orders, payments, quotes } from '../../db/schema/sales.ts';
import { serviceFeedback, serviceRequests } from '../../db/schema/service.ts';
import type { DataScope } from '../access/scope.ts';
import { scopedTo } from '../customers/fast-scope.ts';

/**
 * Each section of the 360 view as a correlated scalar subquery returning JSON, so the whole view is one
 * statement (one round trip). Every subquery is an index range scan on (customer_id, ...) with a LIMIT,
 * so the cost does not grow with the table sizes; owned records still pass their own visibility rule.
 */
const c = customers;
export const SECTION_LIMITS = { contacts: 100, relations: 50, opportunities: 20, quotes: 10, orders: 10, payments: 10, serviceRequests: 10 } as const;

export function phonesSection(): SQL {
  return sql`(select coalesce(json_agg(json_build_object('e164', p.e164, 'raw', p.raw, 'kind', p.kind, 'isPrimary', p.is_primary) order by p.is_primary desc, p.created_at), '[]')
    from ${phoneNumbers} p where p.party_type = 'customer' and p.party_id = ${c.id})`;
}

export function contactsSection(): SQL {
  return sql`(select coalesce(json_agg(x order by x."isPrimary" desc, x.name), '[]') from (
    select ${contacts.id} as id, ${contacts.name} as name, ${contacts.title} as title, ${contacts.department} as department,
      ${contacts.emails} as emails, ${contacts.isPrimary} as "isPrimary", ${contacts.reportsToContactId} as "reportsToContactId",
      ${contacts.lastContactAt} as "lastContactAt",
      (select coalesce(json_agg(json_build_object('e164', p.e164, 'kind', p.kind)), '[]') from ${phoneNumbers} p where p.party_type = 'contact' and p.party_id = ${contacts.id}) as phones
    from ${contacts} where ${contacts.customerId} = ${c.id} and ${contacts.deletedAt} is null
    order by ${contacts.isPrimary} desc, ${contacts.name} limit ${SECTION_LIMITS.contacts}) x)`;
}

export function relationsSection(scope: DataScope): SQL {
  const o = alias(customers, 'other_customer');
  return sql`(select coalesce(json_agg(x), '[]') from (
    select r.id, r.kind, r.note, case when r.from_customer_id = ${c.id} then 'out' else 'in' end as direction,
      ${o.id} as "customerId", ${o.name} as name
    from ${customerRelations} r join customers "other_customer" on ${o.id} = case when r.from_customer_id = ${c.id} then r.to_customer_id else r.from_customer_id end
    where (r.from_customer_id = ${c.id} or r.to_customer_id = ${c.id}) and ${o.deletedAt} is null and ${scopedTo(scope, o, 'customer')}
    limit ${SECTION_LIMITS.relations}) x)`;
}

export function opportunitiesSection(scope: DataScope): SQL {
  const o = opportunities;
  return sql`(select coalesce(json_agg(x), '[]') from (
    select ${o.id} as id, ${o.name} as name, ${o.status} as status, ${o.amountCents} as "amountCents", ${o.currency} as currency,
      ${o.expectedCloseDate} as "expectedCloseDate", ${pipelineStages.name} as "stageName", ${pipelineStages.winRate} as "winRate"
    from ${o} join ${pipelineStages} on ${pipelineStages.id} = ${o.stageId}
    where ${o.customerId} = ${c.id} and ${o.status} = 'open' and ${o.deletedAt} is null and ${scopedTo(scope, o, 'opportunity')}
    order by ${o.expectedCloseDate} asc nulls last limit ${SECTION_LIMITS.opportunities}) x)`;
}

export function quotesSection(scope: DataScope): SQL {
  const q = quotes;
  return sql`(select coalesce(json_agg(x), '[]') from (
    select ${q.id} as id, ${q.number} as number, ${q.title} as title, ${q.status} as status, ${q.totalCents} as "totalCents", ${q.currency} as currency, ${q.createdAt} as "createdAt"
    from ${q} where ${q.customerId} = ${c.id} and ${q.deletedAt} is null and ${scopedTo(scope, q, 'quote')}
    order by ${q.createdAt} desc limit ${SECTION_LIMITS.quotes}) x)`;
}

export function ordersSection(scope: DataScope): SQL {
  const o = orders;
  return sql`(select coalesce(json_agg(x), '[]') from (
    select ${o.id} as id, ${o.number} as number, ${o.title} as title, ${o.status} as status, ${o.totalCents} as "totalCents",
      ${o.paidCents} as "paidCents", ${o.currency} as currency, ${o.signedDate} as "signedDate", ${o.createdAt} as "createdAt"
    from ${o} where ${o.customerId} = ${c.id} and ${o.deletedAt} is null and ${scopedTo(scope, o, 'order')}
    order by ${o.createdAt} desc limit ${SECTION_LIMITS.orders}) x)`;
}

export function paymentsSection(scope: DataScope): SQL {
  return sql`(select coalesce(json_agg(x), '[]') from (
    select p.id, p.order_id as "orderId", ${orders.number} as "orderNumber", p.amount_cents as "amountCents", p.received_on as "receivedOn", p.method
    from ${payments} p join ${orders} on ${orders.id} = p.order_id
    where p.customer_id = ${c.id} and ${scopedTo(scope, orders, 'order')}
    order by p.received_on desc limit ${SECTION_LIMITS.payments}) x)`;
}

export function serviceSection(scope: DataScope): SQL {
  const s = serviceRequests;
  return sql`(select coalesce(json_agg(x), '[]') from (
    select ${s.id} as id, ${s.number} as number, ${s.title} as title, ${s.status} as status, ${s.priority} as priority,
      ${s.isOpen} as "isOpen", ${s.dueAt} as "dueAt", ${s.createdAt} as "createdAt"
    from ${s} where ${s.customerId} = ${c.id} and ${s.deletedAt} is null and ${scopedTo(scope, s, 'service_request')}
    order by ${s.isOpen} desc, ${s.createdAt} desc limit ${SECTION_LIMITS.serviceRequests}) x)`;
}

/** Money and service figures for the header, over the records the scope may see (index range scans). */
export function statsSection(scope: DataScope): SQL {
  const o = opportunities;
  const openOpp = sql`from ${o} where ${o.customerId} = ${c.id} and ${o.status} = 'open' and ${o.deletedAt} is null and ${scopedTo(scope, o, 'opportunity')}`;
  const liveOrders = sql`${orders.customerId} = ${c.id} and ${orders.deletedAt} is null and ${scopedTo(scope, orders, 'order')}`;
  const s = serviceRequests;
  return sql`json_build_object(
    'openOpportunities', (select count(*) ${openOpp}),
    'openPipelineCents', (select coalesce(sum(${o.amountCents}), 0) ${openOpp}),
    'orderTotalCents', (select coalesce(sum(${orders.totalCents}), 0) from ${orders} where ${liveOrders} and ${orders.status} not in ('cancelled', 'draft')),
    'paidCents', (select coalesce(sum(p.amount_cents), 0) from ${payments} p join ${orders} on ${orders.id} = p.order_id where ${liveOrders}),
    'openServiceRequests', (select count(*) from ${s} where ${s.customerId} = ${c.id} and ${s.isOpen} and ${s.deletedAt} is null and ${scopedTo(scope, s, 'service_request')}),
    'feedbackAverage', (select round(avg(${serviceFeedback.score}), 2) from ${serviceFeedback} where ${serviceFeedback.customerId} = ${c.id}))`;
}

export interface TimelineCursor {
  at: string;
  id: string;
}

/**
 * Newest first; keyset pagination on (occurred_at, id) walks activities_customer_time_idx backwards.
 * Calls carry their call record (direction, outcome, talk time) and recordings, for playback.
 */
export function timelineSection(scope: DataScope, limit: number, cursor?: TimelineCursor): SQL {
  const a = activities;
  const after = cursor ? sql`and (${a.occurredAt}, ${a.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;
  return sql`(select coalesce(json_agg(x order by x."occurredAt" desc, x.id desc), '[]') from (
    select ${a.id} as id, ${a.kind} as kind, ${a.subject} as subject, ${a.body} as body, ${a.occurredAt} as "occurredAt",
      ${a.dueAt} as "dueAt", ${a.doneAt} as "doneAt", ${a.contactId} as "contactId", ${a.callId} as "callId", ${a.ownerId} as "ownerId", ${a.details} as details,
      (select json_build_object('direction', k.direction, 'outcome', k.outcome, 'talkMs', k.talk_ms,
        'recordings', (select coalesce(json_agg(json_build_object('id', r.id, 'durationSec', r.duration_sec)), '[]') from ${recordings} r where r.call_id = k.id))
       from ${calls} k where k.id = ${a.callId}) as call
    from ${a} where ${a.customerId} = ${c.id} ${after} and ${scopedTo(scope, a, 'activity')}
    order by ${a.occurredAt} desc, ${a.id} desc limit ${limit + 1}) x)`;
}
