import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cuitCheckDigit, isValidCuit, parseCuit } from './cuit.ts';

const firstTenDigits = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 })
  .map((digits) => digits.join(''));

/** Independent oracle: the AFIP formula written out once more. */
function expectedDigit(firstTen: string): number | null {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(firstTen[index]), 0);
  const digit = 11 - (sum % 11);
  return digit === 11 ? 0 : digit === 10 ? null : digit;
}

const validCuit = firstTenDigits
  .filter((firstTen) => expectedDigit(firstTen) !== null)
  .map((firstTen) => `${firstTen}${expectedDigit(firstTen)}`);

describe('parseCuit', () => {
  it.each([
    ['30-50001770-4', '30500017704'],
    ['30500017704', '30500017704'],
    [' 30 50001770 4 ', '30500017704'],
    ['30.50001770.4', '30500017704'],
    ['20-12345678-7', '20123456787'],
  ])('reads %j', (written, cuit) => {
    expect(parseCuit(written)).toBe(cuit);
  });

  it.each(['', '3050001770', '305000177045', '30-5000177O-4', 'CUIT'])('rejects %j', (written) => {
    expect(parseCuit(written)).toBeNull();
  });
});

describe('isValidCuit', () => {
  it.each(['30-50001770-4', '20-13046568-5', '23-10058899-4', '30-71556647-4', '30500017704'])(
    'accepts %s',
    (cuit) => {
      expect(isValidCuit(cuit)).toBe(true);
    },
  );

  it('rejects a wrong check digit and names the right one', () => {
    expect(isValidCuit('20-12345678-7')).toBe(false);
    expect(isValidCuit('20-12345678-6')).toBe(true);
    expect(cuitCheckDigit('2012345678')).toBe(6);
  });

  it('never accepts a number whose computed digit is 10', () => {
    fc.assert(
      fc.property(
        firstTenDigits.filter((firstTen) => expectedDigit(firstTen) === null),
        fc.integer({ min: 0, max: 9 }),
        (firstTen, digit) => !isValidCuit(`${firstTen}${digit}`),
      ),
    );
  });

  it('rejects anything that is not 11 digits', () => {
    expect(isValidCuit('')).toBe(false);
    expect(isValidCuit('3050001770')).toBe(false);
  });

  it('accepts every generated valid CUIT, written with or without dashes', () => {
    fc.assert(
      fc.property(validCuit, (cuit) => {
        const dashed = `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`;
        return isValidCuit(cuit) && parseCuit(dashed) === cuit;
      }),
    );
  });

  it('rejects a valid CUIT with any single digit changed', () => {
    fc.assert(
      fc.property(
        validCuit,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (cuit, position, shift) => {
          const changed = (Number(cuit[position]) + shift) % 10;
          const altered = `${cuit.slice(0, position)}${changed}${cuit.slice(position + 1)}`;
          return !isValidCuit(altered);
        },
      ),
    );
  });
});
