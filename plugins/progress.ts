/**
 * A progress line for a long build step: "400/2000, 12 s", written as a whole
 * log line every few seconds (never a spinner or a partial line, which would
 * tangle with Astro's own output), and nothing at all for a step that is quick.
 */
export type Progress = (done: number) => void;

export function progressLine(total: number, write: (line: string) => void, options: { everyMs?: number; now?: () => number } = {}): Progress {
  const every = options.everyMs ?? 5000;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let next = started + every;
  return (done) => {
    const at = now();
    if (done >= total || at < next) return;
    next = at + every;
    write(`${done}/${total}, ${Math.round((at - started) / 1000)} s`);
  };
}
