import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
/** A string union schema whose static type is the union of the values (Type.Union over a mapped array loses it). */
const lit = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

export const CUSTOM_ENTITY_TYPE_VALUES = ['lead', 'customer', 'contact', 'opportunity', 'service_request'] as const;
export const CUSTOM_FIELD_TYPE_VALUES = ['text', 'number', 'date', 'dropdown', 'multiselect', 'autonumber', 'image', 'phone', 'email', 'url'] as const;
export const CustomEntityTypeSchema = lit(CUSTOM_ENTITY_TYPE_VALUES);
export const CustomFieldTypeSchema = lit(CUSTOM_FIELD_TYPE_VALUES);

export const CustomFieldOptionSchema = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 100 }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    labelEn: Type.Optional(Type.String({ maxLength: 200 })),
    parent: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const CustomFieldSettingsSchema = Type.Object(
  {
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    prefix: Type.Optional(Type.String({ maxLength: 20 })),
    padding: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  },
  { additionalProperties: false },
);

const editable = {
  label: Type.String({ minLength: 1, maxLength: 100 }),
  labelEn: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  required: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Array(CustomFieldOptionSchema, { maxItems: 500 })),
  settings: Type.Optional(CustomFieldSettingsSchema),
  showInList: Type.Optional(Type.Boolean()),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  active: Type.Optional(Type.Boolean()),
};

export const CustomFieldCreateBody = Type.Object(
  {
    entityType: CustomEntityTypeSchema,
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,47}$' }),
    type: CustomFieldTypeSchema,
    parentKey: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z][a-z0-9_]{0,47}$' }), Type.Null()])),
    ...editable,
  },
  { additionalProperties: false },
);
export type CustomFieldCreateBody = Static<typeof CustomFieldCreateBody>;

export const CustomFieldUpdateBody = Type.Object({ ...editable, label: Type.Optional(editable.label) }, { additionalProperties: false, minProperties: 1 });
export type CustomFieldUpdateBody = Static<typeof CustomFieldUpdateBody>;

export const CustomFieldDto = Type.Object({
  id: Uuid,
  entityType: Type.String(),
  key: Type.String(),
  label: Type.String(),
  labelEn: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(),
  required: Type.Boolean(),
  options: Type.Array(CustomFieldOptionSchema),
  parentKey: Type.Union([Type.String(), Type.Null()]),
  settings: CustomFieldSettingsSchema,
  showInList: Type.Boolean(),
  position: Type.Integer(),
  active: Type.Boolean(),
});
export type CustomFieldDto = Static<typeof CustomFieldDto>;

export const CustomFieldListQuery = Type.Object(
  { entityType: Type.Optional(CustomEntityTypeSchema), includeInactive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const CustomFieldList = Type.Object({ items: Type.Array(CustomFieldDto) });
