import { describe, expect, it } from 'vitest';
import { suggestCampaignMapping, toRecordCandidate } from './list-import.ts';

describe('campaign list rows', () => {
  it('suggests a mapping from Chinese and English headers, each field once', () => {
    expect(suggestCampaignMapping(['姓名', '手机号码', '电话', '时区', '优先级'])).toEqual({ '0': 'name', '1': 'phone', '3': 'timezone', '4': 'priority' });
    expect(suggestCampaignMapping(['Phone Number', 'Name', 'Notes'])).toEqual({ '0': 'phone', '1': 'name' });
  });

  const mapping = { '0': 'name', '1': 'phone', '2': 'timezone', '3': 'priority' };
  it('normalises the first number of the cell and takes the zone from its region', () => {
    expect(toRecordCandidate(['张三', '020-8881 2001 / 13800138000', '', '3'], 2, mapping, 'CN')).toEqual({
      rowNumber: 2, phoneRaw: '020-8881 2001', phoneE164: '+862088812001', name: '张三', timezone: 'Asia/Shanghai', priority: 3,
    });
    expect(toRecordCandidate(['', '+1 212 555 0123', '', ''], 3, mapping, 'CN')).toMatchObject({ name: null, timezone: 'America/New_York', priority: 0 });
    expect(toRecordCandidate(['', '+1 310 555 0123', 'America/Los_Angeles', ''], 3, mapping, 'CN')).toMatchObject({ timezone: 'America/Los_Angeles' });
  });

  it('reports the field and the reason of a bad row', () => {
    expect(toRecordCandidate(['x', '', '', ''], 4, mapping, 'CN')).toEqual({ row: 4, field: 'phone', reason: 'no phone number' });
    expect(toRecordCandidate(['x', '12', '', ''], 5, mapping, 'CN')).toMatchObject({ row: 5, field: 'phone' });
    expect(toRecordCandidate(['x', '02088812001', 'Moon/Base', ''], 6, mapping, 'CN')).toMatchObject({ row: 6, field: 'timezone' });
    expect(toRecordCandidate(['x', '02088812001', '', 'high'], 7, mapping, 'CN')).toMatchObject({ row: 7, field: 'priority' });
  });
});
