import type { CustomFieldCreateBody, CustomFieldDto, CustomFieldUpdateBody } from '../../contracts/custom-fields.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { deleteDefinition, findByKey, findDefinition, insertDefinition, updateDefinition, type FieldDefinition } from './repository.ts';

export function toFieldDto(d: FieldDefinition): CustomFieldDto {
  const { id, entityType, key, label, labelEn, type, required, options, parentKey, settings, showInList, position, active } = d;
  return { id, entityType, key, label, labelEn, type, required, options, parentKey, settings, showInList, position, active };
}

interface Actor {
  userId: string;
  ip: string | null;
}

/** Shape rules the JSON schema cannot express: choices for choice types, a real dropdown as parent. */
async function checkShape(db: Db, def: Pick<FieldDefinition, 'entityType' | 'type' | 'options' | 'parentKey' | 'key'>): Promise<void> {
  const details: ErrorDetail[] = [];
  const choice = def.type === 'dropdown' || def.type === 'multiselect';
  if (choice && def.options.length === 0) details.push({ path: 'options', message: 'a choice field needs at least one option' });
  if (new Set(def.options.map((o) => o.value)).size !== def.options.length) details.push({ path: 'options', message: 'option values must be unique' });
  if (def.parentKey) {
    const parent = def.type === 'dropdown' && def.parentKey !== def.key ? await findByKey(db, def.entityType, def.parentKey) : undefined;
    if (!parent || parent.type !== 'dropdown') details.push({ path: 'parentKey', message: 'must be the key of another dropdown field of the same record type' });
    else {
      const stray = def.options.find((o) => !o.parent || !parent.options.some((p) => p.value === o.parent));
      if (stray) details.push({ path: 'options', message: `option "${stray.value}" needs a parent that is an option of ${parent.key}` });
    }
  }
  if (details.length) throw new AppError('RS_VALIDATION', undefined, details);
}

export async function createField(db: Db, body: CustomFieldCreateBody, actor: Actor): Promise<CustomFieldDto> {
  const values = { ...body, options: body.options ?? [], settings: body.settings ?? {}, parentKey: body.parentKey ?? null };
  await checkShape(db, values);
  if (await findByKey(db, body.entityType, body.key)) throw new AppError('RS_CONFLICT', 'A field with this key already exists', [{ path: 'key', message: 'already exists' }]);
  return db.transaction(async (tx) => {
    const row = await insertDefinition(tx, { ...values, createdBy: actor.userId });
    await writeAudit(tx, { actorUserId: actor.userId, action: 'custom_field.create', entityType: 'custom_field', entityId: row.id, details: { key: row.key, entityType: row.entityType }, ip: actor.ip });
    return toFieldDto(row);
  });
}

export async function updateField(db: Db, id: string, body: CustomFieldUpdateBody, actor: Actor): Promise<CustomFieldDto> {
  const current = await findDefinition(db, id);
  if (!current) throw new AppError('RS_NOT_FOUND');
  await checkShape(db, { ...current, ...body, options: body.options ?? current.options });
  return db.transaction(async (tx) => {
    const row = (await updateDefinition(tx, id, body))!;
    await writeAudit(tx, { actorUserId: actor.userId, action: 'custom_field.update', entityType: 'custom_field', entityId: id, details: { changes: body }, ip: actor.ip });
    return toFieldDto(row);
  });
}

/** Deleting a definition keeps the stored values in records (they simply stop being shown or checked). */
export async function deleteField(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteDefinition(tx, id))) throw new AppError('RS_NOT_FOUND');
    await writeAudit(tx, { actorUserId: actor.userId, action: 'custom_field.delete', entityType: 'custom_field', entityId: id, ip: actor.ip });
  });
}
