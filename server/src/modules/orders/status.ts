import type { OrderStatus } from '../../db/schema/sales.ts';

/** Allowed order status moves; anything else is a 409. Completed and cancelled are final. */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['delivered', 'cancelled'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
};

export const canMove = (from: OrderStatus, to: OrderStatus) => ORDER_TRANSITIONS[from].includes(to);
/** Orders whose money is owed: confirmed onwards, not cancelled. */
export const RECEIVABLE_STATUSES: readonly OrderStatus[] = ['confirmed', 'delivered', 'completed'];
