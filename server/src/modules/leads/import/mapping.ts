/** Header words (Chinese and English, lower-cased, spaces/punctuation removed) → lead field. */
const SYNONYMS: Record<string, string[]> = {
  name: ['姓名', '名字', '联系人', '客户姓名', 'name', 'fullname', 'contact', 'contactname'],
  company: ['公司', '公司名称', '单位', '企业', '企业名称', 'company', 'companyname', 'organization', 'organisation', 'account'],
  phone: ['手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', '座机', 'phone', 'mobile', 'tel', 'telephone', 'phonenumber', 'cell'],
  email: ['邮箱', '电子邮件', '邮件', '电子邮箱', 'email', 'e-mail', 'mail', 'emailaddress'],
  title: ['职位', '职务', '头衔', 'title', 'jobtitle', 'position'],
  source: ['来源', '线索来源', 'source', 'leadsource'],
  industry: ['行业', '所属行业', 'industry'],
  address: ['地址', '联系地址', '公司地址', 'address', 'street'],
  notes: ['备注', '说明', '描述', 'notes', 'note', 'remark', 'remarks', 'description', 'comment', 'comments'],
};

const norm = (h: string) => h.toLowerCase().replace(/[\s_\-:：*()（）]/g, '');
const index = new Map<string, string>(Object.entries(SYNONYMS).flatMap(([field, words]) => words.map((w) => [norm(w), field] as const)));

export interface CustomFieldLabel {
  key: string;
  label: string;
}

/**
 * Column index → target field for the headers we recognise. Several phone columns may all map to phone
 * (a row can carry a mobile and a landline); any other field is suggested once, for its first column.
 */
export function suggestMapping(headers: readonly string[], customFields: readonly CustomFieldLabel[] = []): Record<string, string> {
  const custom = new Map(customFields.flatMap((f) => [[norm(f.label), `custom.${f.key}`] as const, [norm(f.key), `custom.${f.key}`] as const]));
  const used = new Set<string>();
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    const target = index.get(norm(h)) ?? custom.get(norm(h));
    if (!target || (used.has(target) && target !== 'phone')) return;
    used.add(target);
    out[String(i)] = target;
  });
  return out;
}
