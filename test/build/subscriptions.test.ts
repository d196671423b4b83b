/**
 * The subscription files of a built site, read with real parsers: the review
 * calendar, every person's calendar and the change feed of the sample (built
 * with Astro's `site`), and a scratch project in git (built without it) whose
 * review moves between two builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import { buildSite, readPage, REPO, scratchProject, TODAY, type BuildResult } from './build-site.ts';

const SITE = 'https://plans.example.com';
const BASE = '/plans-site/';
const ABSOLUTE = `${SITE}${BASE}`;

const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => {
  const e = new ICAL.Event(v);
  return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate.toString(), isDate: e.startDate.isDate, url: String(v.getFirstPropertyValue('url')) };
});
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['entry', 'link'].includes(name) });
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('the sample site\'s subscriptions', () => {
  const outDir = join(REPO, 'test/.tmp/subscriptions');
  const content = checkContent({ root: REPO, today: TODAY });
  const shown = content.plans.filter((p) => p.data && p.data.status !== 'draft' && !p.data.confidential).map((p) => ({ id: p.id, data: p.data! }));
  let build: BuildResult;
  beforeAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    build = buildSite({ outDir, env: { KEYPLAN_BASE: BASE }, args: ['--site', SITE] });
  }, 300_000);

  it('builds, without the warning about a missing site address', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).not.toContain('no `site`');
  });

  it('has every published, public plan\'s next review in /reviews.ics, overdue ones flagged, with absolute links', () => {
    const list = events(read(outDir, 'reviews.ics'));
    expect(list.map((e) => [e.uid, e.start]).sort()).toEqual(shown.map((p) => [`review-${p.id}@plans.example.com`, p.data.review.next]).sort());
    for (const e of list) {
      expect(e.isDate).toBe(true);
      expect(e.url).toMatch(new RegExp(`^${ABSOLUTE}plans/[a-z-]+/$`));
      expect(e.description).toContain(`Plan: ${e.url}`);
    }
    // Brennik's meeting was due on 10 Nov 2026; today is 25 Nov.
    const brennik = list.find((e) => e.uid.startsWith('review-brennik-werke'))!;
    expect(brennik.summary).toBe('OVERDUE: Account review: Brennik Werke AG (Strategic)');
    expect(brennik.description).toContain('Owner: Jonas Keller');
    expect(list.filter((e) => e.summary.startsWith('OVERDUE')).map((e) => e.uid)).toEqual(['review-brennik-werke@plans.example.com']);
  });

  it('gives every person a calendar of their open actions, goals and the reviews of plans they own or are on', () => {
    for (const person of content.people) {
      const list = events(read(outDir, `people/${person.id}/calendar.ics`));
      const expected = shown.flatMap((p) => [
        ...(p.data.owner === person.id || p.data.team?.some((t) => t.person === person.id) ? [`review-${p.id}`] : []),
        ...(p.data.actions ?? []).filter((a) => a.owner === person.id && a.status !== 'done' && a.status !== 'obsolete').map((a) => `action-${p.id}-${a.id}`),
        ...(p.data.goals ?? []).filter((g) => g.owner === person.id && g.status !== 'done' && g.status !== 'dropped').map((g) => `goal-${p.id}-${g.id}`),
      ]);
      expect(list.map((e) => e.uid.replace('@plans.example.com', '')).sort(), person.id).toEqual(expected.sort());
    }
    const erik = events(read(outDir, 'people/erik-jansen/calendar.ics'));
    const audit = erik.find((e) => e.uid === 'action-aldermoor-bank-media-audit-offer@plans.example.com')!;
    expect(audit).toMatchObject({ start: '2026-11-14', url: `${ABSOLUTE}plans/aldermoor-bank/#media-audit-offer` });
    expect(audit.summary).toBe('OVERDUE: Action due: Offer Adrian Cole a no-fee media efficiency audit (Aldermoor Bank)');
  });

  it('links each person\'s calendar from their page, with a word on subscribing', () => {
    const page = readPage(outDir, 'people/tom-achterberg');
    const link = page.querySelector('.subscribe a')!;
    expect(link.getAttribute('href')).toBe(`${BASE}people/tom-achterberg/calendar.ics`);
    expect(page.querySelector('.subscribe')!.text).toMatch(/Outlook.*Google Calendar/);
    const reviews = readPage(outDir, 'reviews').querySelector('.subscribe a')!;
    expect(reviews.getAttribute('href')).toBe(`${BASE}reviews.ics`);
  });

  it('has a valid Atom feed of what changed, from git, advertised in every page\'s head', () => {
    const xml = read(outDir, 'changes.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed.id).toBe(`${ABSOLUTE}changes.xml`);
    expect(feed.title).toBe('Halden & Rowe account plans: changes');
    expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(feed.entry.length).toBeGreaterThan(0);
    expect(feed.entry.length).toBeLessThanOrEqual(100);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:keyplan:change:[a-z-]+:([0-9a-f]{40}|overdue-\d{4}-\d\d-\d\d)$/);
      expect(entry.title).toBeTruthy();
      expect(entry.link[0].href).toMatch(new RegExp(`^${ABSOLUTE}plans/[a-z-]+/$`));
      expect(shown.some((p) => entry.link[0].href === `${ABSOLUTE}plans/${p.id}/`)).toBe(true);
    }
    const dates = feed.entry.map((e: { updated: string }) => e.updated);
    expect([...dates].sort().reverse()).toEqual(dates);
    // Offer Adrian Cole a no-fee media efficiency audit: due 14 Nov 2026, still planned.
    const audit = feed.entry.find((e: { id: string }) => e.id === 'urn:keyplan:change:aldermoor-bank:overdue-2026-11-15');
    expect(audit.title).toBe('Aldermoor Bank: action now overdue');
    expect(audit.updated).toBe('2026-11-15T00:00:00Z');
    expect(audit.content['#text']).toContain('Now overdue: Offer Adrian Cole a no-fee media efficiency audit (due 2026-11-14)');
    const aldermoor = feed.entry.filter((e: { link: { href: string }[] }) => e.link[0].href.endsWith('/aldermoor-bank/'));
    const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: REPO, encoding: 'utf8' }).trim() === 'true';
    if (!shallow) {
      // The sample's own history: Aldermoor Bank since its September review.
      expect(aldermoor.map((e: { content: { '#text': string } }) => e.content['#text']).join('\n')).toContain('Graham Lowther: neutral → skeptic');
    }
    for (const path of ['', 'plans/aldermoor-bank', 'people/tom-achterberg', 'reviews']) {
      const alt = readPage(outDir, path).querySelector('head link[rel=alternate][type="application/atom+xml"]');
      expect(alt?.getAttribute('href'), path).toBe(`${BASE}changes.xml`);
    }
  });
});

describe('a project in git, built twice with its review moved', () => {
  const plan = (next: string, status: string) => `---
account: Open Alpha Retail
summary: Open Alpha Retail in one line.
status: active
tier: key
owner: jane-doe
period: { start: 2026-01-01, end: 2027-12-31 }
review: { cadence: quarterly, next: ${next} }
team:
  - { person: raj-patel, role: Architect }
goals:
  - { id: g-shop, title: Open the flagship shop, due: 2027-03-31, owner: raj-patel, status: ${status} }
---

## Context

Shops.
`;
  const secret = `---
account: Quillonex Biotech
summary: Quillonex Biotech in one line.
status: active
tier: key
owner: jane-doe
confidential: true
period: { start: 2026-01-01, end: 2027-12-31 }
review: { cadence: quarterly, next: 2026-12-01 }
team:
  - { person: raj-patel, role: Architect }
goals:
  - { id: g-launch, title: Ready the Vexmoor launch, due: 2027-01-31, owner: raj-patel, status: on-track }
actions:
  - { id: a-prep, title: Zanthorine prep, owner: raj-patel, due: 2026-12-10, status: planned }
---

## Context

The Vexmoor programme.
`;
  const root = scratchProject({
    'content/people/jane-doe.yaml': 'name: Jane Doe\ntitle: Account Director\n',
    'content/people/raj-patel.yaml': 'name: Raj Patel\ntitle: Architect\n',
    'content/plans/open-alpha.mdx': plan('2027-01-10', 'on-track'),
    'content/plans/zephyr-kx9.mdx': secret,
  });
  const git = (args: string[], date: string) => execFileSync('git', args, { cwd: root, env: { ...process.env,
    GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  const first = join(root, 'dist-1');
  const second = join(root, 'dist-2');
  const env = { KEYPLAN_BASE: '/intranet/' };
  let builds: BuildResult[];
  beforeAll(() => {
    git(['init', '-q', '-b', 'main'], '2026-10-01T09:00:00Z');
    git(['add', 'content'], '2026-10-01T09:00:00Z');
    git(['commit', '-q', '-m', 'Plans'], '2026-10-01T09:00:00Z');
    const one = buildSite({ root, outDir: first, env });
    writeFileSync(join(root, 'content/plans/open-alpha.mdx'), plan('2027-02-14', 'at-risk'));
    writeFileSync(join(root, 'content/plans/zephyr-kx9.mdx'), secret.replace('status: on-track', 'status: at-risk'));
    git(['commit', '-q', '-am', 'Review moved; shop at risk'], '2026-11-20T09:00:00Z');
    builds = [one, buildSite({ root, outDir: second, env })];
  }, 600_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('warns once that the site address is not set, and links under the base path', () => {
    for (const b of builds) {
      expect(b.status, b.output).toBe(0);
      expect(b.output.split('no `site` in astro.config.mjs').length - 1).toBe(1);
    }
    expect(events(read(second, 'reviews.ics'))[0].url).toBe('/intranet/plans/open-alpha/');
    expect(parser.parse(read(second, 'changes.xml')).feed.entry[0].link[0].href).toBe('/intranet/plans/open-alpha/');
  });

  it('keeps the review\'s UID and moves its date', () => {
    const [before, after] = [first, second].map((dir) => events(read(dir, 'reviews.ics')));
    expect(before.map((e) => [e.uid, e.start])).toEqual([['review-open-alpha@keyplan', '2027-01-10']]);
    expect(after.map((e) => [e.uid, e.start])).toEqual([['review-open-alpha@keyplan', '2027-02-14']]);
    const raj = events(read(second, 'people/raj-patel/calendar.ics'));
    expect(raj.find((e) => e.uid === 'review-open-alpha@keyplan')?.start).toBe('2027-02-14');
  });

  it('adds the commit that changed the goal to the feed', () => {
    const { feed } = parser.parse(read(second, 'changes.xml'));
    expect(feed.entry.map((e: { title: string; updated: string }) => [e.title, e.updated])).toEqual([
      ['Open Alpha Retail: goals', '2026-11-20T09:00:00Z'],
      ['Open Alpha Retail: plan added', '2026-10-01T09:00:00Z'],
    ]);
    expect(feed.entry[0].content['#text']).toContain('Open the flagship shop: on track → at risk');
  });

  it('gives the confidential plan\'s area a calendar and a feed of its own, linking to its area pages', () => {
    const area = '/intranet/restricted/confidential/';
    expect(events(read(second, 'restricted/confidential/reviews.ics')).map((e) => [e.uid, e.start, e.url, e.summary]))
      .toEqual([['review-zephyr-kx9@keyplan', '2026-12-01', `${area}plans/zephyr-kx9/`, 'Account review: Quillonex Biotech (Key)']]);
    const xml = read(second, 'restricted/confidential/changes.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed.title).toBe('Halden & Rowe account plans: changes (Confidential area)');
    expect(feed.entry.map((e: { title: string; link: { href: string }[] }) => [e.title, e.link[0].href])).toEqual([
      ['Quillonex Biotech: goals', `${area}plans/zephyr-kx9/`],
      ['Quillonex Biotech: plan added', `${area}plans/zephyr-kx9/`],
    ]);
    expect(feed.entry[0].content['#text']).toContain('Ready the Vexmoor launch: on track → at risk');
    expect(readPage(second, 'restricted/confidential').querySelector('head link[rel=alternate][type="application/atom+xml"]')?.getAttribute('href'))
      .toBe(`${area}changes.xml`);
  });

  it('names nothing of the confidential plan in any public subscription file', () => {
    for (const dir of [first, second]) {
      const files = ['reviews.ics', 'changes.xml', 'people/jane-doe/calendar.ics', 'people/raj-patel/calendar.ics'];
      for (const file of files) {
        expect(existsSync(join(dir, file)), file).toBe(true);
        const lower = read(dir, file).toLowerCase();
        for (const word of ['quillonex', 'zephyr', 'kx9', 'vexmoor', 'zanthorine']) expect(lower.includes(word), `${word} in ${file}`).toBe(false);
      }
    }
  });
});
