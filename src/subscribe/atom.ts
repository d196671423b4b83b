/**
 * The change feed (Atom, RFC 4287): one entry per plan per commit that
 * changed it, and per day its actions fell overdue, newest first, each a list of what changed in the words of the
 * since-last-review digest. A plain function of the changes and the plans it
 * may name (a view's own: the public site's, or an area's); changes of any
 * other plan are left out.
 */
import { digestLines } from '../history/digest.ts';
import type { PlanChange } from '../history/changes.ts';
import type { SubscribeContent } from './calendars.ts';
import { siteLinks, type SubscribeSite } from './links.ts';

/** The most entries a feed holds. */
export const FEED_ENTRIES = 100;

/** Text and attribute values: the five XML specials, and characters XML 1.0 does not allow dropped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const escapeHtml = (value: string) => escapeXml(value).replace(/&apos;/g, '&#39;');
const isoSeconds = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface FeedOptions {
  /** Where the feed itself is, from the base path: "changes.xml". */
  path: string;
  /** Shown as the feed's title. */
  title?: string;
}

export function changesFeed(changes: readonly PlanChange[], content: SubscribeContent, site: SubscribeSite, options: FeedOptions = { path: 'changes.xml' }): string {
  const links = siteLinks(site);
  const plans = new Map(content.plans.map((p) => [p.id, p]));
  const name = (id: string) => content.people.get(id)?.data.name ?? id;
  const entries = changes.filter((c) => plans.has(c.plan))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.plan.localeCompare(b.plan) || a.hash.localeCompare(b.hash))
    .slice(0, FEED_ENTRIES);
  const self = links.page(options.path);
  // Without entries, "updated" is the pinned today, so the file is still the same from build to build.
  const updated = entries[0] ? isoSeconds(entries[0].date) : `${site.today}T00:00:00Z`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(site.site ? self : `urn:keyplan:feed:${site.base}${options.path}`)}</id>`,
    `  <title>${escapeXml(options.title ?? `${site.title}: changes`)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(site.title)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(links.page(''))}"/>`,
    '  <generator>Keyplan</generator>',
  ];
  for (const change of entries) {
    const plan = plans.get(change.plan)!;
    const sections = digestLines(change.digest, name);
    const count = sections.reduce((n, s) => n + s.lines.length, 0);
    const what = change.kind === 'added' ? 'plan added'
      : change.kind === 'overdue' ? `${count === 1 ? 'action' : 'actions'} now overdue`
        : sections.map((s) => s.section.toLowerCase()).join(', ');
    const title = `${plan.data.account}: ${what}`;
    const html = sections.map((s) => `<h3>${escapeHtml(s.section)}</h3><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`).join('');
    lines.push(
      '  <entry>',
      `    <id>urn:keyplan:change:${escapeXml(change.plan)}:${escapeXml(change.hash)}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${isoSeconds(change.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(links.plan(plan))}"/>`,
      `    <summary>${escapeXml(`${count} ${count === 1 ? 'change' : 'changes'} to ${plan.data.account}`)}</summary>`,
      // The HTML is escaped once for HTML and once more for XML: readers show it as text, never run it.
      `    <content type="html">${escapeXml(html)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}
