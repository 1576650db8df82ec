// How report cells are shown: ratios as percentages, seconds as m:ss (h:mm:ss past an hour), null as "—".
import type { Cell } from './api.ts';

const RATIO = new Set(['serviceLevel', 'abandonRate', 'occupancy', 'utilisation', 'expectedServiceLevel', 'rate', 'contactRate', 'conversionRate']);

export function isRatio(column: string): boolean {
  return RATIO.has(column);
}

export function isSeconds(column: string): boolean {
  return column.endsWith('Sec') || column.startsWith('paused:');
}

export function duration(sec: number): string {
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function formatCell(column: string, v: Cell): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') {
    if (isRatio(column)) return `${(v * 100).toFixed(1)}%`;
    if (isSeconds(column)) return Number.isFinite(v) ? duration(v) : '∞';
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  }
  return v;
}
