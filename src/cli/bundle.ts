/**
 * Runs a command's TypeScript entry from one bundle of Keyplan's own modules.
 *
 * Node strips the types of each TypeScript module it loads, on every run (its
 * compile cache does not cover them): about half a second of `npm run check`
 * at 1000 plans went to loading the checker. Instead the entry and every
 * Keyplan module it imports are bundled with esbuild (Vite's own, which
 * bundles vite.config.ts the same way) into one plain JavaScript file under
 * node_modules/.cache/keyplan/bundles/, and Node's compile cache covers that
 * file and the packages it imports (left outside the bundle, loaded by Node
 * as usual).
 *
 * The bundle is used only while every source file it was made from has the
 * same content (each is read and hashed on every run: a few milliseconds), so
 * an edit to any of them makes a new bundle on the next run. When no bundle
 * can be made (esbuild missing, a read-only folder), or with
 * KEYPLAN_BUNDLE=off, the entry is imported as it is: the same command, slower.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(REPO, 'node_modules/.cache/keyplan');
/** Bumped when the way bundles are made changes. */
const FORMAT = 1;

interface Manifest {
  format: number;
  bundle: string;
  /** Each source file in the bundle (relative to the repository) and the hash of its content. */
  inputs: Record<string, string>;
}

/** Imports `entry` (a TypeScript module of this repository) from its bundle, or as it is when there is none. */
export async function importBundled(entry: URL): Promise<unknown> {
  try {
    enableCompileCache(process.env.NODE_COMPILE_CACHE || join(CACHE, 'compile'));
  } catch {
    // No compile cache: only slower.
  }
  const bundle = process.env.KEYPLAN_BUNDLE === 'off' ? undefined : await bundleOf(fileURLToPath(entry));
  if (!bundle) return import(entry.href);
  try {
    return await import(pathToFileURL(bundle).href);
  } catch (error) {
    // Removed by a run that bundled newer sources, between reading the manifest and loading it.
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && !existsSync(bundle)) return import(entry.href);
    throw error;
  }
}

const hashOf = (path: string) => createHash('sha1').update(readFileSync(path)).digest('base64url');

/** The path of an up-to-date bundle of `entry`, made now if need be; undefined when none can be made. */
async function bundleOf(entry: string): Promise<string | undefined> {
  const dir = join(CACHE, 'bundles');
  // By repository too: a copy of it (the bench's projects) may share node_modules, and a bundle holds its files' paths.
  const name = `${basename(entry).replace(/\.ts$/, '')}-${createHash('sha1').update(REPO).digest('hex').slice(0, 8)}`;
  const manifestPath = join(dir, `${name}.json`);
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.format === FORMAT && Object.entries(manifest.inputs).every(([file, hash]) => hashOf(join(REPO, file)) === hash)) {
      if (existsSync(join(dir, manifest.bundle))) return join(dir, manifest.bundle);
    }
  } catch {
    // No bundle yet, a source file gone, or a manifest unreadable: a bundle is made.
  }
  try {
    return await makeBundle(entry, dir, name, manifestPath);
  } catch {
    return undefined;
  }
}

async function makeBundle(entry: string, dir: string, name: string, manifestPath: string): Promise<string> {
  const esbuild = await import('esbuild');
  const inputs: Record<string, string> = {};
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // Packages are loaded by Node from node_modules as usual (the bundle sits inside it).
    packages: 'external',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [{
      name: 'keyplan-sources',
      setup(build) {
        // Each module keeps its own import.meta.url (files it reads beside it), and its content is recorded.
        build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
          if (args.path.split(sep).includes('node_modules')) return undefined;
          const source = readFileSync(args.path);
          inputs[relative(REPO, args.path).split(sep).join('/')] = createHash('sha1').update(source).digest('base64url');
          const contents = source.toString('utf8')
            .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
            .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
            .replaceAll('import.meta.filename', JSON.stringify(args.path));
          return { contents, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js', resolveDir: dirname(args.path) };
        });
      },
    }],
  });
  const code = result.outputFiles[0].contents;
  const bundle = `${name}-${createHash('sha1').update(code).digest('base64url').slice(0, 12)}.mjs`;
  mkdirSync(dir, { recursive: true });
  // Written whole under another name, then renamed: a check running at the same time never reads half a file.
  const temp = (path: string) => `${path}.${process.pid}.tmp`;
  writeFileSync(temp(join(dir, bundle)), code);
  renameSync(temp(join(dir, bundle)), join(dir, bundle));
  writeFileSync(temp(manifestPath), JSON.stringify({ format: FORMAT, bundle, inputs } satisfies Manifest));
  renameSync(temp(manifestPath), manifestPath);
  // Bundles of older sources go.
  for (const old of readdirSync(dir)) {
    if (old !== bundle && old.startsWith(`${name}-`) && old.endsWith('.mjs')) rmSync(join(dir, old), { force: true });
  }
  return join(dir, bundle);
}
