/** The build's progress line: whole lines every few seconds, none for a quick step. */
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../plugins/progress.ts';

describe('progressLine', () => {
  it('writes "done/total, seconds" at most every interval, and nothing once done', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = progressLine(2000, (line) => lines.push(line), { everyMs: 5000, now: () => clock });
    clock = 1000; progress(40);
    clock = 5200; progress(400);
    clock = 6000; progress(480);
    clock = 12_400; progress(1000);
    clock = 20_000; progress(2000);
    expect(lines).toEqual(['400/2000, 5 s', '1000/2000, 12 s']);
  });

  it('says nothing for a step that ends before the first interval', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = progressLine(10, (line) => lines.push(line), { now: () => clock });
    clock = 800; progress(5);
    clock = 1500; progress(10);
    expect(lines).toEqual([]);
  });
});
