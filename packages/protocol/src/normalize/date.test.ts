import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from './date.ts';

const dayMs = 86_400_000;
const firstDay = Date.UTC(1900, 0, 1);
const lastDay = Date.UTC(2099, 11, 31);

/** Any real date in 1900–2099, with the oracle being JavaScript's own UTC calendar. */
const realDate = fc.integer({ min: 0, max: (lastDay - firstDay) / dayMs }).map((offset) => {
  const date = new Date(firstDay + offset * dayMs);
  return {
    iso: date.toISOString().slice(0, 10),
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  };
});

const two = (value: number) => String(value).padStart(2, '0');

describe('parseDate', () => {
  it.each([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['05/03/24', '2024-03-05'],
    ['05/03/79', '2079-03-05'],
    ['05/03/80', '1980-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024-03-05T00:00:00.000Z', '2024-03-05'],
    ['2024-03-05T23:30:00-03:00', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['05/03/2024 00:00', '2024-03-05'],
    [' 29/02/2024 ', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
  ])('reads %j as %s', (written, iso) => {
    expect(parseDate(written)).toBe(iso);
  });

  it.each([
    '',
    '31/02/2024',
    '29/02/2023',
    '29/02/1900',
    '01/13/2024',
    '00/01/2024',
    '2024-02-30',
    '2024-13-01',
    '31/12/1899',
    '01/01/2100',
    '05/03-2024',
    '05/03/024',
    '2024-03-05X',
    'mañana',
  ])('rejects %j', (written) => {
    expect(parseDate(written)).toBeNull();
  });

  it('reads a real date back in every accepted format', () => {
    fc.assert(
      fc.property(realDate, ({ iso, year, month, day }) => {
        const forms = [
          `${two(day)}/${two(month)}/${year}`,
          `${day}/${month}/${year}`,
          `${two(day)}-${two(month)}-${year}`,
          iso,
          `${iso}T00:00:00.000Z`,
          `${iso} 12:34:56`,
        ];
        if (year >= 1980 && year <= 2079)
          forms.push(`${two(day)}/${two(month)}/${two(year % 100)}`);
        return forms.every((written) => parseDate(written) === iso);
      }),
    );
  });

  it('accepts exactly the days the calendar has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const date = new Date(Date.UTC(year, month - 1, day));
          const real = date.getUTCMonth() === month - 1;
          const expected = real ? date.toISOString().slice(0, 10) : null;
          return parseDate(`${day}/${month}/${year}`) === expected;
        },
      ),
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(fc.property(realDate, ({ iso }) => parseDate(parseDate(iso) ?? '') === iso));
  });
});
