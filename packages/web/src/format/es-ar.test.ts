import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatCuit,
  formatDate,
  formatDateTime,
  formatDuration,
  formatPercent,
} from './es-ar.ts';

describe('es-AR formats', () => {
  it('formats decimal-string amounts exactly, with dot thousands and comma decimals', () => {
    expect(formatAmount('1500.00')).toBe('$ 1.500,00');
    expect(formatAmount('1234567.5')).toBe('$ 1.234.567,50');
    expect(formatAmount('90071992547409931.99')).toBe('$ 90.071.992.547.409.931,99');
    expect(formatAmount('-12.34')).toBe('-$ 12,34');
    expect(formatAmount('0.00')).toBe('$ 0,00');
    expect(formatAmount(null)).toBe('—');
  });

  it('formats calendar dates without shifting the day, and instants in Argentina', () => {
    expect(formatDate('2026-03-01')).toBe('01/03/2026');
    expect(formatDateTime('2026-03-01T02:30:00Z')).toMatch(/^28\/02\/2026,? 23:30:00$/);
  });

  it('formats durations, shares and CUITs', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1250)).toBe('1,3 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatPercent(0.875)).toMatch(/^87,5\s?%$/);
    expect(formatCuit('30500017704')).toBe('30-50001770-4');
  });
});
