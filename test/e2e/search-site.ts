/**
 * For the search tests: a copy of a project that builds with an Astro cache
 * of its own, the site served by `astro preview` under its base path, and the
 * files of a Pagefind bundle as text.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO, scratchProject, stripAnsi } from '../build/build-site.ts';

/**
 * A scratch project with the given content (the sample portfolio when none
 * is given). Astro keeps its content store in its cache folder, which a
 * shared node_modules would share with every other build running at the
 * same time: this project has its own.
 */
export function isolatedProject(content?: Record<string, string>): string {
  const config = readFileSync(join(REPO, 'astro.config.mjs'), 'utf8')
    .replace('defineConfig({', "defineConfig({\n  cacheDir: './.astro-cache/',");
  if (!config.includes('.astro-cache')) throw new Error('astro.config.mjs no longer calls defineConfig({ ... })');
  return scratchProject({ 'astro.config.mjs': config, ...(content ?? sampleContent()) });
}

export function sampleContent(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const kind of ['plans', 'people']) {
    const dir = join(REPO, 'content', kind);
    for (const name of readdirSync(dir)) files[`content/${kind}/${name}`] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Preview {
  /** The site's address, base path included, e.g. http://127.0.0.1:4391/plans-site/. */
  url: string;
  stop(): Promise<void>;
}

/** `astro preview` over a built folder, under `base`; resolves once the site answers. */
export function preview(root: string, outDir: string, base: string): Promise<Preview> {
  return serve(root, ['preview', '--outDir', outDir, '--base', base], base);
}

/** `astro dev` on the project, as `npm run dev` runs it; resolves once the site answers. */
export function dev(root: string, base: string): Promise<Preview & { log(): string }> {
  return serve(root, ['dev'], base, { KEYPLAN_BASE: base });
}

async function serve(root: string, args: string[], base: string, env: Record<string, string> = {}): Promise<Preview & { log(): string }> {
  const port = await freePort();
  const astro = join(REPO, 'node_modules/astro/bin/astro.mjs');
  // --ignore-lock: in the foreground, alongside any server a developer has running, and never backgrounded by Astro.
  const child: ChildProcess = spawn(process.execPath, [astro, ...args, '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: root, env: { ...userEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // Without colour codes, which Astro adds when it thinks a terminal (or CI) is watching.
  child.stdout!.on('data', (d) => { log += stripAnsi(String(d)); });
  child.stderr!.on('data', (d) => { log += stripAnsi(String(d)); });
  const url = `http://127.0.0.1:${port}${base}`;
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro ${args[0]} exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(url)).ok) return { url, stop, log: () => log };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`astro ${args[0]} did not answer at ${url} within 60 s:\n${log}`);
}

/**
 * The environment without the test runner's marks: `astro dev` serves no page
 * when it sees VITEST, and NODE_ENV=test is nobody's real setting.
 */
function userEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(k)));
}

/** Every file of a Pagefind bundle, gzip-compressed ones (index, fragments, filters, meta, wasm) unpacked. */
export function bundleFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      let bytes = readFileSync(path);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      out.push({ path: relative(dir, path), text: bytes.toString('utf8') });
    }
  };
  walk(dir);
  return out;
}
