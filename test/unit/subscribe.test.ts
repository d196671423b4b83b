/**
 * The subscription files from their generators: the review calendar, a
 * person's calendar and the change feed, read back with real parsers (ical.js,
 * fast-xml-parser) and checked against RFC 5545 and RFC 4287 rules, with
 * hostile text in every field a writer controls.
 */
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildPortfolio } from '../../src/model/portfolio.ts';
import { digestPlan } from '../../src/history/digest.ts';
import { overdueChanges, type PlanChange } from '../../src/history/changes.ts';
import { planSchema, type PlanData } from '../../src/schema/plan.ts';
import { escapeText, foldLine } from '../../src/subscribe/ical.ts';
import { personCalendar, reviewsCalendar } from '../../src/subscribe/calendars.ts';
import { changesFeed } from '../../src/subscribe/atom.ts';

const TODAY = '2026-11-25';
const HOSTILE = 'Cafe, "deli"; back\\slash\nnew line <script>alert(1)</script> & 🚀 naïve 日本語';
const LONG = `${'Ünïcödé 🚀 title, with; specials '.repeat(7)}`.slice(0, 200);

const base = { summary: 's', status: 'active', tier: 'key', period: { start: '2026-01-01', end: '2027-12-31' } };
const plan = (id: string, extra: Record<string, unknown>) => ({ id, data: planSchema().parse({ account: id, owner: 'jane', review: { cadence: 'quarterly', next: '2027-01-10' }, ...base, ...extra }) as PlanData });
const people = [
  { id: 'jane', data: { name: `Jane ${HOSTILE}`, title: 'AD' } },
  { id: 'raj', data: { name: 'Raj', title: 'Architect' } },
];
const plans = [
  plan('hostile', {
    account: HOSTILE, review: { cadence: 'quarterly', next: '2026-11-10' },
    team: [{ person: 'raj', role: 'Lead' }],
    goals: [{ id: 'g-long', title: LONG, due: '2027-03-31', owner: 'raj', status: 'on-track' }],
    actions: [
      { id: 'a-late', title: `Late ${HOSTILE}`, owner: 'raj', due: '2026-11-01', status: 'in-progress' },
      { id: 'a-done', title: 'Finished already', owner: 'raj', due: '2026-10-01', status: 'done' },
    ],
  }),
  plan('plain', { account: 'Plain Ltd', review: { cadence: 'monthly', next: '2026-12-05' } }),
  plan('secret', { account: 'Quillonex Biotech', confidential: true, team: [{ person: 'raj', role: 'Lead' }],
    goals: [{ id: 'g-hush', title: 'Vexmoor launch', due: '2027-01-31', owner: 'raj', status: 'on-track' }],
    actions: [{ id: 'a-hush', title: 'Vexmoor prep', owner: 'raj', due: '2026-12-01', status: 'planned' }] }),
];
const portfolio = buildPortfolio({ plans, people }, { today: TODAY, perspectives: ['financial', 'client', 'sales', 'people', 'management'], showDrafts: false, excludeConfidential: false });
const content = { plans: portfolio.plans, people: portfolio.person };
const site = { title: 'Plans & <Co>', base: '/plans-site/', today: TODAY, site: 'https://plans.example.com' };

const encoder = new TextEncoder();

/** The file's events as ical.js reads them. */
function events(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate.toString(), isDate: e.startDate.isDate,
      end: e.endDate.toString(), url: v.getFirstPropertyValue('url'), stamp: v.getFirstPropertyValue('dtstamp')?.toString() };
  });
}

/** RFC 5545 3.1: CRLF line ends, no line over 75 octets, continuations start with one space. */
function expectWellFormed(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n').slice(0, -1)) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  // Unfolding and decoding give back valid UTF-8: no character was cut in two.
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoder.encode(ics))).not.toThrow();
}

describe('iCalendar text', () => {
  it('escapes backslash, comma, semicolon and newlines', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
  });

  it('folds at 75 octets, counting UTF-8 bytes, and never splits a character', () => {
    const line = `SUMMARY:${'é🚀x'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    // Unfolded, it is the line again, every emoji whole.
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('the review calendar', () => {
  const ics = reviewsCalendar(content, site);
  const list = events(ics);

  it('has one all-day event per public plan on its next review, overdue ones flagged, confidential ones absent', () => {
    expectWellFormed(ics);
    expect(list.map((e) => e.uid)).toEqual(['review-hostile@plans.example.com', 'review-plain@plans.example.com']);
    const [hostile, plain] = list;
    expect(hostile).toMatchObject({ start: '2026-11-10', end: '2026-11-11', isDate: true, stamp: '2026-11-25T00:00:00Z' });
    expect(hostile.summary).toBe(`OVERDUE: Account review: ${HOSTILE} (Key)`);
    expect(plain.summary).toBe('Account review: Plain Ltd (Key)');
    expect(plain.url).toBe('https://plans.example.com/plans-site/plans/plain/');
    expect(plain.description).toContain('Owner: Jane ');
    expect(plain.description).toContain('Health: unknown');
    expect(ics).not.toMatch(/quillonex|vexmoor|secret/i);
  });

  it('keeps the hostile account and owner text exactly, as text', () => {
    expect(list[0].description).toContain(`planning meeting for ${HOSTILE}.`);
    expect(list[0].description).toContain(`Owner: Jane ${HOSTILE}`);
    // Escaped in the file, so a comma or semicolon never starts a new value or parameter.
    expect(ics).toContain('Cafe\\, "deli"\\; back\\\\slash\\nnew line');
  });

  it('keeps the UID and moves the date when the review moves; the same input gives the same bytes', () => {
    const moved = buildPortfolio({ plans: plans.map((p) => p.id === 'plain' ? plan('plain', { account: 'Plain Ltd', review: { cadence: 'monthly', next: '2027-02-01' } }) : p), people },
      { today: TODAY, perspectives: ['financial', 'client', 'sales', 'people', 'management'], showDrafts: false, excludeConfidential: false });
    const after = events(reviewsCalendar({ plans: moved.plans, people: moved.person }, site)).find((e) => e.summary.includes('Plain'))!;
    expect(after.uid).toBe('review-plain@plans.example.com');
    expect(after.start).toBe('2027-02-01');
    expect(reviewsCalendar(content, site)).toBe(ics);
  });

  it('links under the base path when the site address is not known', () => {
    const local = events(reviewsCalendar(content, { ...site, site: undefined }));
    expect(local[1].url).toBe('/plans-site/plans/plain/');
    expect(local[1].uid).toBe('review-plain@keyplan');
  });
});

describe('a person\'s calendar', () => {
  const ics = personCalendar('raj', content, site);
  const list = events(ics);

  it('has their open actions, overdue flagged, their goals, and reviews of the plans they are on, nothing confidential', () => {
    expectWellFormed(ics);
    expect(list.map((e) => [e.uid, e.start])).toEqual([
      ['action-hostile-a-late@plans.example.com', '2026-11-01'],
      ['review-hostile@plans.example.com', '2026-11-10'],
      ['goal-hostile-g-long@plans.example.com', '2027-03-31'],
    ]);
    expect(list[0].summary).toBe(`OVERDUE: Action due: Late ${HOSTILE} (${HOSTILE})`);
    expect(list[0].url).toBe('https://plans.example.com/plans-site/plans/hostile/#a-late');
    expect(list[2].summary).toBe(`Goal due: ${LONG} (${HOSTILE})`);
    expect(ics).not.toMatch(/quillonex|vexmoor|secret/i);
  });

  it('is an empty, valid calendar for someone with nothing to do', () => {
    const empty = personCalendar('nobody', content, site);
    expectWellFormed(empty);
    expect(events(empty)).toEqual([]);
  });
});

describe('the change feed', () => {
  const before = plans[0].data;
  const after = { ...before, goals: before.goals!.map((g) => ({ ...g, status: 'at-risk' as const })) };
  const changes: PlanChange[] = [
    { plan: 'hostile', hash: 'b'.repeat(40), date: '2026-11-20T10:00:00+01:00', kind: 'changed', digest: digestPlan(before, after, '2026-11-01', '2026-11-20') },
    { plan: 'plain', hash: 'a'.repeat(40), date: '2026-11-01T10:00:00Z', kind: 'added', digest: digestPlan(undefined, plans[1].data, '2026-11-01', '2026-11-01') },
    { plan: 'secret', hash: 'c'.repeat(40), date: '2026-11-21T10:00:00Z', kind: 'added', digest: digestPlan(undefined, plans[2].data, '2026-11-21', '2026-11-21') },
  ];
  // Plain Ltd has no goals: give its entry something to say.
  changes[1].digest.goalsAdded.push({ id: 'x', title: 'First goal' });
  const xml = changesFeed(changes, content, site);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['entry', 'link'].includes(name) });

  it('is well-formed Atom: feed id, title, updated, author and self link; each entry id, title, updated and link', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://plans.example.com/plans-site/changes.xml');
    expect(feed.title).toBe('Plans & <Co>: changes');
    expect(feed.updated).toBe('2026-11-20T09:00:00Z');
    expect(feed.author.name).toBe('Plans & <Co>');
    expect(feed.link.find((l: { rel: string }) => l.rel === 'self').href).toBe('https://plans.example.com/plans-site/changes.xml');
    const ids = feed.entry.map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:keyplan:change:/);
      expect(entry.title).toBeTruthy();
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(entry.link[0].href).toMatch(/^https:\/\/plans\.example\.com\/plans-site\/plans\/[a-z-]+\/$/);
    }
  });

  it('has an entry per plan per change, newest first, and nothing of a confidential plan', () => {
    const { feed } = parser.parse(xml);
    expect(feed.entry.map((e: { title: string }) => e.title)).toEqual([`${HOSTILE}: goals, actions`, 'Plain Ltd: plan added']);
    expect(xml).not.toMatch(/quillonex|vexmoor|secret|c{40}/i);
  });

  it('keeps hostile text inert: the script is text inside escaped HTML, never markup', () => {
    expect(xml).not.toContain('<script');
    const { feed } = parser.parse(xml);
    const html: string = feed.entry[0].content['#text'];
    expect(feed.entry[0].content.type).toBe('html');
    // Once the XML is read, the HTML a reader renders still has the script escaped as text.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(`<li>${LONG.replace(/&/g, '&amp;')}: on track → at risk</li>`);
    expect(html).toContain('🚀');
  });

  it('has an entry per plan for the day its open actions fell overdue, the same in every build', () => {
    const overdue = overdueChanges(portfolio.plans);
    // a-late was due on 1 Nov: overdue from 2 Nov. a-done is done; the secret plan's action is not due yet.
    expect(overdue.map((c) => [c.plan, c.hash, c.date, c.digest.actionsOverdue.map((a) => a.id)])).toEqual([
      ['hostile', 'overdue-2026-11-02', '2026-11-02T00:00:00Z', ['a-late']],
    ]);
    const { feed } = parser.parse(changesFeed(overdue, content, site));
    expect(feed.entry.map((e: { id: string; title: string; updated: string }) => [e.id, e.title, e.updated])).toEqual([
      ['urn:keyplan:change:hostile:overdue-2026-11-02', `${HOSTILE}: action now overdue`, '2026-11-02T00:00:00Z'],
    ]);
    expect(feed.entry[0].content['#text']).toContain('Now overdue: Late Cafe');
  });

  it('links under the base path without the site address, and is the same file for the same input', () => {
    const local = parser.parse(changesFeed(changes, content, { ...site, site: undefined })).feed;
    expect(local.entry[0].link[0].href).toBe('/plans-site/plans/hostile/');
    expect(local.id).toBe('urn:keyplan:feed:/plans-site/changes.xml');
    expect(changesFeed(changes, content, site)).toBe(xml);
  });
});
