// CSV and XLSX exports of a report table. Every text cell goes through the CRM's formula-injection
// guard (customers/csv.ts): a cell starting with =, +, -, @, tab or CR gets a leading apostrophe, in
// the XLSX too (a spreadsheet user may copy it into a formula cell). Numbers stay numbers.
import ExcelJS from 'exceljs';
import type { ReportResult } from '../../contracts/reports.ts';
import { csvRow, neutralizeCell } from '../customers/csv.ts';

const HEADERS: Record<string, [zh: string, en: string]> = {
  period: ['周期', 'Period'], group: ['分组', 'Group'], offered: ['呼入', 'Offered'], answered: ['接听', 'Answered'],
  abandoned: ['放弃', 'Abandoned'], abandonedShort: ['短时放弃', 'Short abandons'], overflowed: ['溢出', 'Overflowed'],
  serviceLevel: ['服务水平', 'Service level'], abandonRate: ['放弃率', 'Abandon rate'], asaSec: ['平均应答速度(秒)', 'ASA (s)'],
  avgWaitSec: ['平均等待(秒)', 'Avg wait (s)'], maxWaitSec: ['最长等待(秒)', 'Max wait (s)'], ahtSec: ['平均处理时长(秒)', 'AHT (s)'],
  avgTalkSec: ['平均通话(秒)', 'Avg talk (s)'], avgHoldSec: ['平均保持(秒)', 'Avg hold (s)'], avgWrapSec: ['平均话后(秒)', 'Avg wrap-up (s)'],
  transferred: ['转接', 'Transferred'], outbound: ['外呼', 'Outbound'], outboundAnswered: ['外呼接通', 'Outbound answered'],
  handled: ['处理量', 'Handled'], occupancy: ['占用率', 'Occupancy'], utilisation: ['利用率', 'Utilisation'],
  signedInSec: ['签入(秒)', 'Signed in (s)'], readySec: ['就绪(秒)', 'Ready (s)'], ringingSec: ['振铃(秒)', 'Ringing (s)'],
  onCallSec: ['通话(秒)', 'On call (s)'], wrapUpSec: ['话后(秒)', 'Wrap-up (s)'], pausedSec: ['暂停(秒)', 'Paused (s)'],
  hour: ['小时', 'Hour'], callsPerHour: ['每小时呼入', 'Calls per hour'], erlangs: ['话务量(爱尔兰)', 'Erlangs'],
  agentsNeeded: ['所需坐席', 'Agents needed'], expectedServiceLevel: ['预计服务水平', 'Expected service level'], expectedAsaSec: ['预计平均应答(秒)', 'Expected ASA (s)'],
  disposition: ['处理结果', 'Disposition'], calls: ['通话数', 'Calls'], resolved: ['首次解决', 'Resolved'], rate: ['首次解决率', 'FCR rate'],
  attempts: ['拨打次数', 'Attempts'], connects: ['接通', 'Connects'], contactRate: ['接通率', 'Contact rate'], conversions: ['转化', 'Conversions'],
  conversionRate: ['转化率', 'Conversion rate'], machines: ['答录机', 'Machines'], noAnswer: ['无应答', 'No answer'], busy: ['忙', 'Busy'], failed: ['失败', 'Failed'],
};

export function headerOf(column: string, lang: 'zh-CN' | 'en'): string {
  const i = lang === 'en' ? 1 : 0;
  if (column.startsWith('paused:')) return `${lang === 'en' ? 'Paused' : '暂停'}: ${column.slice(7)} (${lang === 'en' ? 's' : '秒'})`;
  return HEADERS[column]?.[i] ?? column;
}

/** The total row's group ('*' in the JSON) reads as a word in a spreadsheet. */
function cellOf(column: string, v: string | number | null | undefined, lang: 'zh-CN' | 'en'): string | number | null {
  if (v === '*' && (column === 'group' || column === 'disposition')) return lang === 'en' ? 'Total' : '合计';
  return v ?? null;
}

/** UTF-8 with BOM so Excel on a Chinese Windows opens it with the right encoding. */
export function reportCsv(r: ReportResult, lang: 'zh-CN' | 'en'): string {
  let out = '\uFEFF' + csvRow(r.columns.map((c) => headerOf(c, lang)));
  for (const row of r.rows) out += csvRow(r.columns.map((c) => cellOf(c, row[c], lang)));
  return out;
}

export async function reportXlsx(r: ReportResult, lang: 'zh-CN' | 'en'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(r.kind);
  ws.addRow(r.columns.map((c) => headerOf(c, lang)));
  ws.getRow(1).font = { bold: true };
  for (const row of r.rows) ws.addRow(r.columns.map((c) => {
    const v = cellOf(c, row[c], lang);
    return typeof v === 'string' ? neutralizeCell(v) : v;
  }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
