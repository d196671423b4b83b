/** The site's wording: counts, units, scores and addresses read as a person would write them. */
import { describe, expect, it } from 'vitest';
import { count, emailParts, number, outOf100 } from '../../src/site/format.ts';

describe('wording on the site', () => {
  it('says "in 1 day" and "3 days"', () => {
    expect(count(1, 'day')).toBe('1 day');
    expect(count(3, 'day')).toBe('3 days');
    expect(count(0, 'day')).toBe('0 days');
  });

  it('makes a plural unit singular for exactly one', () => {
    expect(number(1, 'subsidiaries')).toBe('1 subsidiary');
    expect(number(2, 'subsidiaries')).toBe('2 subsidiaries');
    expect(number(1, 'clients')).toBe('1 client');
    expect(number(1, 'kWh')).toBe('1 kWh');
    expect(number(1, '%')).toBe('1%');
    expect(number(1, 'process')).toBe('1 process');
  });

  it('rounds a score out of 100 to a whole point, like every other score', () => {
    expect(outOf100(68.75)).toBe('69 / 100');
    expect(outOf100(85)).toBe('85 / 100');
    expect(outOf100(undefined)).toBe('—');
  });

  it('lets an e-mail address break only before "@" and ".", never inside a word', () => {
    expect(emailParts('li.wei@aldermoor-bank.co.uk')).toEqual(['li', '.wei', '@aldermoor-bank', '.co', '.uk']);
  });
});
