/**
 * The sample portfolio scaled up: copies of every sample plan, each copy's
 * plan ids suffixed and every reference between plans (parent, related,
 * dependsOn, body links) rewired inside the copy, so the scaled tree is as
 * valid as the sample and exercises the same features. A last, partial copy
 * points at the sample's own plans for those it lacks.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function scaleSample(sampleRoot: string, outRoot: string, plans: number): { plans: number } {
  const source = join(sampleRoot, 'content/plans');
  const files = readdirSync(source).filter((f) => f.endsWith('.mdx')).sort();
  const ids = files.map((f) => f.slice(0, -4));
  const texts = files.map((f) => readFileSync(join(source, f), 'utf8'));
  rmSync(join(outRoot, 'content'), { recursive: true, force: true });
  mkdirSync(join(outRoot, 'content/plans'), { recursive: true });
  cpSync(join(sampleRoot, 'content/people'), join(outRoot, 'content/people'), { recursive: true });
  const idPattern = new RegExp(`(?<![a-z0-9-])(${ids.join('|')})(?![a-z0-9-])`, 'g');
  let written = 0;
  for (let copy = 0; written < plans; copy++) {
    // The last copy may hold only some of the plans: its references to the others go to the sample's own.
    const inCopy = new Set(ids.slice(0, plans - written));
    for (let i = 0; i < ids.length && written < plans; i++, written++) {
      const suffix = copy === 0 ? '' : `-c${copy}`;
      // Suffix plan ids everywhere they appear as whole ids, and make each account name unique.
      const text = texts[i].replace(idPattern, (id) => (inCopy.has(id) ? id + suffix : id)).replace(/^account: (.*)$/m, (_, name) => `account: ${name}${copy ? ` ${copy + 1}` : ''}`);
      writeFileSync(join(outRoot, 'content/plans', `${ids[i]}${suffix}.mdx`), text);
    }
  }
  return { plans: written };
}
