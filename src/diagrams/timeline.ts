/**
 * Geometry of a goal timeline, computed at build time: a time axis over the
 * plan period with marks 3, 6, 12, 24 and 36 months after its start, a today
 * line, one bar per goal from start to due grouped by horizon, arrows for
 * dependencies, and markers for reviews and re-planning events. Plain numbers
 * here; the component only draws them.
 */
import type { GoalStatus, Horizon } from '../schema/goal.ts';
import { addMonths, daysBetween, formatDate, type IsoDate } from '../model/dates.ts';

export const HORIZON_MONTHS = [3, 6, 12, 24, 36] as const;

export interface TimelineGoal {
  id: string;
  title: string;
  start: IsoDate;
  due: IsoDate;
  status: GoalStatus;
  /** Past due and neither done nor dropped (src/model/due.ts): the bar's label says so. */
  overdue?: boolean;
  horizon: Horizon;
  /** Ids of goals in the same timeline this one depends on. */
  dependsOn: string[];
  /** Where the bar links to. */
  href: string;
}

export interface TimelineGroup {
  title: string;
  goals: TimelineGoal[];
  /** Where the group's title links to, if anywhere. */
  href?: string;
}

export interface TimelineEvent {
  date: IsoDate;
  label: string;
  kind: 'review' | 'change';
}

export interface TimelineOptions {
  width: number;
  /** Width of the label column on the left. */
  labelWidth: number;
  rowHeight: number;
  groupGap: number;
  /** Draw the 3/6/12/24/36-month marks (for one plan; plans in a portfolio start on different days). */
  horizonMarks: boolean;
}

export const DEFAULT_OPTIONS: TimelineOptions = { width: 1000, labelWidth: 300, rowHeight: 30, groupGap: 34, horizonMarks: true };

export interface Bar extends TimelineGoal {
  x: number;
  width: number;
  y: number;
  /** The bar's own row, for the label beside it. */
  labelY: number;
}

export interface Tick {
  x: number;
  label: string;
  /** A 3/6/12/24/36-month mark (else a year boundary). */
  mark: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axis: { x0: number; x1: number; y: number; start: IsoDate; end: IsoDate };
  ticks: Tick[];
  today?: { x: number; label: string };
  groups: { title: string; href?: string; y: number; bars: Bar[] }[];
  arrows: { from: { x: number; y: number }; to: { x: number; y: number }; id: string }[];
  events: (TimelineEvent & { x: number })[];
}

/** x for a date: linear in days between the axis ends, clamped to them. */
export function scaleDate(date: IsoDate, start: IsoDate, end: IsoDate, x0: number, x1: number): number {
  const span = Math.max(1, daysBetween(start, end));
  const t = Math.min(1, Math.max(0, daysBetween(start, date) / span));
  return x0 + t * (x1 - x0);
}

const round = (n: number) => Math.round(n * 10) / 10;
const HEADER = 48;
const GROUP_TITLE = 22;

export function layoutTimeline(start: IsoDate, end: IsoDate, groups: readonly TimelineGroup[], today: IsoDate,
  events: readonly TimelineEvent[] = [], options: Partial<TimelineOptions> = {}): TimelineLayout {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const x0 = o.labelWidth;
  const x1 = o.width - 16;
  const x = (date: IsoDate) => round(scaleDate(date, start, end, x0, x1));

  const ticks: Tick[] = [];
  for (const months of o.horizonMarks ? HORIZON_MONTHS : []) {
    const date = addMonths(start, months);
    if (date <= end) ticks.push({ x: x(date), label: `${months} mo`, mark: true });
  }
  // Year boundaries, where they do not crowd a month mark.
  for (let year = Number(start.slice(0, 4)) + 1; `${year}-01-01` <= end; year++) {
    const tx = x(`${year}-01-01`);
    if (ticks.every((t) => Math.abs(t.x - tx) > 40)) ticks.push({ x: tx, label: String(year), mark: false });
  }
  ticks.sort((a, b) => a.x - b.x);

  let y = HEADER;
  const laidOut: TimelineLayout['groups'] = [];
  const position = new Map<string, Bar>();
  for (const group of groups) {
    if (group.goals.length === 0) continue;
    const groupY = y;
    y += GROUP_TITLE;
    const bars = [...group.goals].sort((a, b) => a.due.localeCompare(b.due) || a.start.localeCompare(b.start)).map((goal) => {
      const bx = x(goal.start);
      const bar: Bar = { ...goal, x: bx, width: Math.max(6, round(x(goal.due) - bx)), y: y + 6, labelY: y + o.rowHeight / 2 };
      y += o.rowHeight;
      return bar;
    });
    for (const bar of bars) position.set(bar.id, bar);
    laidOut.push({ title: group.title, href: group.href, y: groupY, bars });
    y += o.groupGap - GROUP_TITLE + 8;
  }

  // A dependency drops (or rises) from the due date of the goal depended on to the dependent's bar:
  // "this must be done by here". Goals often share a start, so start-to-end arrows would tangle.
  const barHeight = o.rowHeight - 12;
  const arrows: TimelineLayout['arrows'] = [];
  for (const bar of position.values()) {
    for (const dep of bar.dependsOn) {
      const from = position.get(dep);
      if (!from) continue;
      const fx = round(from.x + from.width);
      const down = bar.y > from.y;
      arrows.push({
        id: `${dep}->${bar.id}`,
        from: { x: fx, y: down ? from.y + barHeight : from.y },
        to: { x: fx, y: down ? bar.y : bar.y + barHeight },
      });
    }
  }

  const inRange = (d: IsoDate) => d >= start && d <= end;
  return {
    width: o.width,
    height: Math.max(y + 8, HEADER + 40),
    axis: { x0, x1, y: HEADER - 14, start, end },
    ticks,
    today: inRange(today) ? { x: x(today), label: `Today, ${formatDate(today)}` } : undefined,
    groups: laidOut,
    arrows,
    events: events.filter((e) => inRange(e.date)).map((e) => ({ ...e, x: x(e.date) })),
  };
}

export const BAR_HEIGHT = (rowHeight = DEFAULT_OPTIONS.rowHeight) => rowHeight - 12;
