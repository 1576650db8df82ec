import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { JobDefinition } from '../../jobs/registry.ts';
import { logActivity } from '../activities/service.ts';

export const BIRTHDAY_JOB = 'reminders.birthdays';
/** How many days ahead the owner is told (SV11). */
export const BIRTHDAY_DAYS_AHEAD = 3;

type Due = {
  contact_id: string;
  name: string;
  customer_id: string | null;
  owner_id: string;
  team_id: string | null;
  birthday: string;
};

/** Contacts (with an owner) whose birthday falls on `target`; 29 Feb birthdays count on 28 Feb in other years. */
async function dueContacts(db: Db, target: string): Promise<Due[]> {
  return db.execute<Due>(sql`
    select c.id as contact_id, c.name, c.customer_id, c.owner_id, c.team_id, to_char(c.birthday, 'YYYY-MM-DD') as birthday
    from contacts c
    where c.deleted_at is null and c.owner_id is not null and c.birthday is not null
      and (to_char(c.birthday, 'MM-DD') = to_char(${target}::date, 'MM-DD')
        or (to_char(c.birthday, 'MM-DD') = '02-29' and to_char(${target}::date, 'MM-DD') = '02-28'
            and extract(day from (date_trunc('year', ${target}::date) + interval '1 month 28 days')) <> 29))`);
}

/**
 * Daily: a task for the owner of each contact whose birthday is in N days. The birthday_reminders row
 * (contact, year) is claimed first in the same transaction, so a rerun or a second worker adds nothing.
 */
export async function createBirthdayReminders(db: Db, now: Date, daysAhead = BIRTHDAY_DAYS_AHEAD): Promise<number> {
  const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead));
  const day = target.toISOString().slice(0, 10);
  let created = 0;
  for (const c of await dueContacts(db, day)) {
    const made = await db.transaction(async (tx) => {
      const claimed = await tx.execute(sql`insert into birthday_reminders (contact_id, year, birthday) values (${c.contact_id}::uuid, ${target.getUTCFullYear()}, ${c.birthday}::date)
        on conflict do nothing returning contact_id`);
      if (!claimed.length) return false;
      const a = await logActivity(tx, {
        kind: 'task', subject: `生日提醒 Birthday: ${c.name} (${day.slice(5)})`, dueAt: new Date(`${day}T01:00:00Z`), customerId: c.customer_id, contactId: c.contact_id,
        details: { reminder: 'birthday', birthday: c.birthday }, ownerId: c.owner_id, teamId: c.team_id, actorUserId: null,
      });
      await tx.execute(sql`update birthday_reminders set activity_id = ${a.id}::uuid where contact_id = ${c.contact_id}::uuid and year = ${target.getUTCFullYear()}`);
      return true;
    });
    if (made) created++;
  }
  return created;
}

export const birthdayJob: JobDefinition<{ daysAhead?: number }> = {
  name: BIRTHDAY_JOB,
  every: { ms: 24 * 3600_000 },
  async handle(data, ctx) {
    return { created: await createBirthdayReminders(ctx.db, ctx.now(), data.daysAhead ?? BIRTHDAY_DAYS_AHEAD) };
  },
};
