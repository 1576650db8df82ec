// Synthetic CRM data at production scale, generated inside PostgreSQL (generate_series) so a million
// customers take minutes, not hours. Names are Chinese company/person names built from syllable pools.
import type postgres from 'postgres';

export interface Scale {
  customers: number;
  contactsPerCustomer: number;
  activities: number;
  users: number;
}

const CITIES = ['深圳', '北京', '上海', '广州', '杭州', '成都', '武汉', '南京', '苏州', '西安', '重庆', '天津'];
const WORDS = ['华', '腾', '盛', '达', '信', '远', '恒', '新', '宏', '科', '泰', '美', '安', '金', '海', '天', '瑞', '通', '联', '创', '智', '博', '源', '星'];
const SUFFIX = ['科技有限公司', '贸易有限公司', '电子股份有限公司', '网络技术有限公司', '实业有限公司', '物流有限公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'];

const pick = (arr: string[]) => `(array[${arr.map((s) => `'${s}'`).join(',')}])[1 + floor(random() * ${arr.length})::int]`;

export async function seed(sql: postgres.Sql, s: Scale, log: (m: string) => void): Promise<void> {
  await sql.unsafe(`insert into teams (name) select 'team-' || g from generate_series(1, ${Math.ceil(s.users / 10)}) g`);
  await sql.unsafe(`insert into users (username, display_name, password_hash, team_id)
    select 'u' || g, '用户' || g, 'x', (select id from teams order by name offset (g % ${Math.ceil(s.users / 10)}) limit 1) from generate_series(1, ${s.users}) g`);
  log('users');
  await sql.unsafe(`create temp table owners as select row_number() over () as n, id, team_id from users`);
  await sql.unsafe(`insert into customers (name, level, industry, owner_id, team_id, last_contact_at, next_contact_at, emails)
    select ${pick(CITIES)} || ${pick(WORDS)} || ${pick(WORDS)} || ${pick(SUFFIX)} || g, (array['A','B','C','D'])[1 + g % 4], (array['制造','通信','零售','金融'])[1 + g % 4],
      o.id, o.team_id, now() - (random() * interval '60 days'), now() + (random() * interval '30 days'), array['c' || g || '@example.com']
    from generate_series(1, ${s.customers}) g join owners o on o.n = 1 + g % ${s.users}`);
  log('customers');
  await sql.unsafe(`create temp table cust as select row_number() over () as n, id, owner_id, team_id from customers`);
  await sql.unsafe(`insert into contacts (customer_id, name, owner_id, team_id, emails)
    select c.id, ${pick(SURNAMES)} || ${pick(GIVEN)} || ${pick(GIVEN)}, c.owner_id, c.team_id, array['p' || c.n || '-' || k || '@example.com']
    from cust c cross join generate_series(1, ${s.contactsPerCustomer}) k`);
  log('contacts');
  await sql.unsafe(`insert into phone_numbers (e164, raw, kind, party_type, party_id, customer_id, is_primary)
    select '+86' || (1065000000 + c.n)::text, '010-' || c.n, 'work', 'customer', c.id, c.id, true from cust c`);
  await sql.unsafe(`insert into phone_numbers (e164, raw, kind, party_type, party_id, customer_id, is_primary)
    select '+86' || (13000000000 + row_number() over ())::text, 'm', 'mobile', 'contact', ct.id, ct.customer_id, true from contacts ct`);
  log('phone numbers');
  await sql.unsafe(`insert into activities (kind, subject, occurred_at, customer_id, owner_id, team_id)
    select (array['call','visit','email','sms','meeting','note'])[1 + g % 6], '跟进 ' || g, now() - (random() * interval '365 days'), c.id, c.owner_id, c.team_id
    from generate_series(1, ${s.activities}) g join cust c on c.n = 1 + (g::bigint * 7919) % ${s.customers}`);
  log('activities');
  await sql.unsafe('analyze');
}
