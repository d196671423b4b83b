import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from '../../src/model/dates.ts';
import { isActionOverdue, isActualStale, isContactOverdue, reviewState } from '../../src/model/due.ts';
import { deriveHorizon } from '../../src/model/horizon.ts';
import { riskBand, riskScore } from '../../src/model/risk-band.ts';
import { attractiveness } from '../../src/model/selection.ts';
import { resolveToday, TodayError } from '../../src/model/today.ts';

describe('calendar arithmetic', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
  it('counts days as UTC days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across a DST change in Europe
  });
});

describe('goal horizon', () => {
  it('is short up to and including 6 months after the period start, medium to 18, then long', () => {
    expect(deriveHorizon('2026-01-01', '2026-07-01')).toBe('short');
    expect(deriveHorizon('2026-01-01', '2026-07-02')).toBe('medium');
    expect(deriveHorizon('2026-01-01', '2027-07-01')).toBe('medium');
    expect(deriveHorizon('2026-01-01', '2027-07-02')).toBe('long');
  });
});

describe('risk score and band', () => {
  it('multiplies likelihood by impact and bands 1–4, 5–9, 10–16, 20–25', () => {
    expect(riskScore({ likelihood: 4, impact: 5 })).toBe(20);
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(riskBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });
});

describe('attractiveness', () => {
  it('is Σ weight × (score − 1) / 4', () => {
    // 40×(5−1)/4 + 35×(3−1)/4 + 25×(1−1)/4 = 40 + 17.5 + 0
    expect(attractiveness([{ weight: 40, score: 5 }, { weight: 35, score: 3 }, { weight: 25, score: 1 }])).toBe(57.5);
    expect(attractiveness([{ weight: 50, score: 5 }, { weight: 50, score: 5 }])).toBe(100);
  });
});

describe('what is overdue', () => {
  const today = '2026-11-25';
  it('an action is overdue after its due day unless done or obsolete', () => {
    expect(isActionOverdue({ due: '2026-11-24', status: 'in-progress' }, today)).toBe(true);
    expect(isActionOverdue({ due: '2026-11-25', status: 'planned' }, today)).toBe(false);
    expect(isActionOverdue({ due: '2026-01-01', status: 'done' }, today)).toBe(false);
    expect(isActionOverdue({ due: '2026-01-01', status: 'obsolete' }, today)).toBe(false);
  });
  it('a review is overdue before today and due soon within 30 days', () => {
    expect(reviewState('2026-11-24', today)).toBe('overdue');
    expect(reviewState('2026-11-25', today)).toBe('due-soon');
    expect(reviewState('2026-12-25', today)).toBe('due-soon');
    expect(reviewState('2026-12-26', today)).toBe('scheduled');
  });
  it('an actual is stale when measured more than two review cadences ago', () => {
    expect(isActualStale('2026-05-25', 'quarterly', today)).toBe(false);
    expect(isActualStale('2026-05-24', 'quarterly', today)).toBe(true);
    expect(isActualStale('2026-09-24', 'monthly', today)).toBe(true);
    expect(isActualStale(undefined, 'monthly', today)).toBe(false);
  });
  it('a contact is overdue when the last contact plus one interval is before today', () => {
    expect(isContactOverdue({ lastContact: '2026-11-18', contactEvery: 'weekly' }, today)).toBe(false);
    expect(isContactOverdue({ lastContact: '2026-11-17', contactEvery: 'weekly' }, today)).toBe(true);
    expect(isContactOverdue({ lastContact: '2026-08-25', contactEvery: 'quarterly' }, today)).toBe(false);
    expect(isContactOverdue({ lastContact: '2026-08-24', contactEvery: 'quarterly' }, today)).toBe(true);
    expect(isContactOverdue({ lastContact: '2026-01-01' }, today)).toBe(false);
  });
});

describe('today', () => {
  it('KEYPLAN_TODAY wins over the option, which wins over the clock', () => {
    const now = new Date('2030-05-05T23:30:00Z');
    expect(resolveToday('2026-01-02', { KEYPLAN_TODAY: '2026-03-04' }, now)).toBe('2026-03-04');
    expect(resolveToday('2026-01-02', {}, now)).toBe('2026-01-02');
    expect(resolveToday(undefined, {}, now)).toBe('2030-05-05');
  });
  it('rejects a date that does not exist, naming where it came from', () => {
    expect(() => resolveToday(undefined, { KEYPLAN_TODAY: '2026-02-29' })).toThrow(TodayError);
    expect(() => resolveToday(undefined, { KEYPLAN_TODAY: '2026-02-29' })).toThrow('KEYPLAN_TODAY: "2026-02-29" is not a date: February 2026 has 28 days');
  });
});
