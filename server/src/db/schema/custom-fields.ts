import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** Record types that carry custom values in their `custom` jsonb column. */
export const CUSTOM_ENTITY_TYPES = ['lead', 'customer', 'contact', 'opportunity', 'service_request'] as const;
export type CustomEntityType = (typeof CUSTOM_ENTITY_TYPES)[number];

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'dropdown', 'multiselect', 'autonumber', 'image', 'phone', 'email', 'url'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A choice of a dropdown/multi-select; `parent` is the parent field's option value for cascading dropdowns. */
export interface CustomFieldOption {
  value: string;
  label: string;
  labelEn?: string;
  parent?: string;
}

/** Type-specific limits; all optional. */
export interface CustomFieldSettings {
  maxLength?: number;
  min?: number;
  max?: number;
  /** autonumber: "CUS-" → CUS-000001 */
  prefix?: string;
  padding?: number;
}

/**
 * Admin-defined extra fields (C14, "custom fields on leads, customers, ..."). Values live in the
 * entity's `custom` jsonb under `key`; validateCustomFields checks them against these rows.
 */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type').notNull().$type<CustomEntityType>(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    labelEn: text('label_en'),
    type: text('type').notNull().$type<CustomFieldType>(),
    required: boolean('required').notNull().default(false),
    options: jsonb('options').$type<CustomFieldOption[]>().notNull().default([]),
    /** Cascading dropdown: key of the parent dropdown on the same entity type. */
    parentKey: text('parent_key'),
    settings: jsonb('settings').$type<CustomFieldSettings>().notNull().default({}),
    showInList: boolean('show_in_list').notNull().default(false),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /** autonumber: the next number to hand out; bumped with UPDATE ... RETURNING (row lock = atomic). */
    autoNext: bigint('auto_next', { mode: 'number' }).notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_field_definitions_key_unique').on(t.entityType, t.key), index('custom_field_definitions_entity_idx').on(t.entityType, t.position)],
);
