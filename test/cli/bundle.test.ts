/**
 * src/cli/bundle.ts runs a command from one bundle of the repository's own
 * modules: it must behave as the modules do (each reading files beside it),
 * never run a bundle older than the sources, and work without a bundle.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const repo = mkdtempSync(join(tmpdir(), 'keyplan-bundle-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** A repository of three modules: the entry, a module it imports, and a text file that module reads beside it. */
function setUp(): void {
  mkdirSync(join(repo, 'src/cli'), { recursive: true });
  mkdirSync(join(repo, 'src/lib'), { recursive: true });
  mkdirSync(join(repo, 'node_modules'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules/esbuild'), join(repo, 'node_modules/esbuild'));
  cpSync(join(REPO, 'src/cli/bundle.ts'), join(repo, 'src/cli/bundle.ts'));
  writeFileSync(join(repo, 'src/cli/main.ts'), "import { importBundled } from './bundle.ts';\nawait importBundled(new URL('./run.ts', import.meta.url));\n");
  writeFileSync(join(repo, 'src/cli/run.ts'), "import { word } from '../lib/word.ts';\nconst n: number = 1;\nconsole.log(word(), n);\nprocess.exitCode = 3;\n");
  writeFileSync(join(repo, 'src/lib/word.ts'), "import { readFileSync } from 'node:fs';\nexport const word = (): string => readFileSync(new URL('./word.txt', import.meta.url), 'utf8').trim();\n");
  writeFileSync(join(repo, 'src/lib/word.txt'), 'first\n');
}

function run(env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(repo, 'src/cli/main.ts')], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

const bundles = () => readdirSync(join(repo, 'node_modules/.cache/keyplan/bundles')).filter((f) => f.endsWith('.mjs'));

describe('a command run from its bundle', () => {
  it('behaves as its modules, and is bundled again after any of them is edited', () => {
    setUp();
    expect(run()).toEqual({ status: 3, stdout: 'first 1', stderr: '' });
    expect(bundles()).toHaveLength(1);
    const first = bundles()[0];
    expect(run()).toEqual({ status: 3, stdout: 'first 1', stderr: '' });
    expect(bundles()).toEqual([first]);

    writeFileSync(join(repo, 'src/lib/word.txt'), 'second\n');
    expect(run().stdout).toBe('second 1');
    // A module imported by the entry, edited: the next run runs the edit, from a new bundle.
    writeFileSync(join(repo, 'src/lib/word.ts'), "export const word = (): string => 'edited';\n");
    expect(run()).toEqual({ status: 3, stdout: 'edited 1', stderr: '' });
    expect(bundles()).toHaveLength(1);
    expect(bundles()[0]).not.toBe(first);
  }, 60_000);

  it('runs the modules as they are with KEYPLAN_BUNDLE=off, or when no bundle can be made', () => {
    expect(run({ KEYPLAN_BUNDLE: 'off' })).toEqual({ status: 3, stdout: 'edited 1', stderr: '' });
    rmSync(join(repo, 'node_modules/.cache'), { recursive: true, force: true });
    rmSync(join(repo, 'node_modules/esbuild'));
    expect(run()).toEqual({ status: 3, stdout: 'edited 1', stderr: '' });
    expect(existsSync(join(repo, 'node_modules/.cache/keyplan/bundles'))).toBe(false);
  }, 60_000);
});
