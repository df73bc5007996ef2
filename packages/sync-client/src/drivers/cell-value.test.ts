import { describe, expect, it } from 'vitest';
import { doubleToDecimalText, toCellValue } from './cell-value.ts';

describe('doubleToDecimalText', () => {
  it.each([
    [1234.56, '1234.56'],
    [0.1, '0.1'],
    [99999999999.99, '99999999999.99'],
    [-0.3, '-0.3'],
    [0.1 + 0.2, '0.3'],
    [1234, 1234],
  ])('%d → %j', (value, expected) => {
    expect(doubleToDecimalText(value)).toBe(expected);
  });

  it('has no text for NaN or infinities', () => {
    expect(doubleToDecimalText(Number.NaN)).toBeNull();
    expect(doubleToDecimalText(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('toCellValue', () => {
  it('keeps big integers exact and truncates long text to the protocol limit', () => {
    expect(toCellValue(2n ** 60n)).toBe('1152921504606846976');
    expect(toCellValue(42n)).toBe(42);
    expect(toCellValue('x'.repeat(300))).toHaveLength(200);
    expect(toCellValue(undefined)).toBeNull();
  });
});
