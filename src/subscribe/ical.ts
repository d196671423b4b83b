/**
 * A minimal iCalendar (RFC 5545) writer for all-day events: escaped text,
 * lines folded at 75 octets without splitting a UTF-8 character, CRLF line
 * ends. Hand-written because the output must be byte-identical from build to
 * build (DTSTAMP from the pinned today, events in a stable order), which the
 * generator libraries do not promise.
 */
import { addDays, type IsoDate } from '../model/dates.ts';

export interface CalendarEvent {
  /** Stable across builds: the same meeting or due date keeps it when its date moves. */
  uid: string;
  /** The all-day event's date. */
  date: IsoDate;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
}

export interface CalendarMeta {
  /** X-WR-CALNAME: the name calendar apps show for the subscription. */
  name: string;
  /** DTSTAMP of every event, from the pinned today. */
  today: IsoDate;
}

/** TEXT values: backslash, comma, semicolon and newlines escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters are not allowed in TEXT.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** UTF-8 length of one code point. */
const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** One content line folded into lines of at most 75 octets, continuations starting with a space (RFC 5545 3.1). */
export function foldLine(line: string): string {
  // Most lines are short ASCII: nothing to count.
  if (line.length <= 75 && !/[^\x00-\x7f]/.test(line)) return line;
  const parts: string[] = [];
  let start = 0;
  let size = 0;
  let limit = 75;
  // Walk code points, so a surrogate pair (an emoji) is never split either.
  for (let i = 0; i < line.length;) {
    const codePoint = line.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const bytes = octets(codePoint);
    if (size + bytes > limit) {
      parts.push(line.slice(start, i));
      start = i;
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    size += bytes;
    i += width;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

const day = (date: IsoDate) => date.replace(/-/g, '');

export function calendar(meta: CalendarMeta, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Keyplan//Account plans//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(meta.name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${day(meta.today)}T000000Z`,
      `DTSTART;VALUE=DATE:${day(e.date)}`,
      `DTEND;VALUE=DATE:${day(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL;VALUE=URI:${e.url}`] : []),
      ...(e.categories?.length ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
