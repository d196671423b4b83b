/**
 * The copy of mermaid the site ships (no CDN) for diagrams no browser drew at
 * build time: written into the build, and served from memory in dev.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MERMAID_CONFIG, MERMAID_SCRIPT } from '../src/diagrams/mermaid/renderer.ts';

const ASSET_DIR = '_keyplan';
const FALLBACK_SCRIPT = `mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)});\nmermaid.run({ querySelector: 'pre.mermaid' });\n`;

export function writeDiagramAssets(outDir: string): void {
  mkdirSync(join(outDir, ASSET_DIR), { recursive: true });
  copyFileSync(MERMAID_SCRIPT, join(outDir, ASSET_DIR, 'mermaid.min.js'));
  writeFileSync(join(outDir, ASSET_DIR, 'diagrams.js'), FALLBACK_SCRIPT);
}

type Middleware = (req: { url?: string }, res: { setHeader(k: string, v: string): void; end(body: string | Buffer): void }, next: () => void) => void;

/** In dev, the same two files, served from memory. */
export function diagramAssets() {
  return {
    name: 'keyplan:diagram-assets',
    configureServer(server: { middlewares: { use(fn: Middleware): void } }) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (path.endsWith(`/${ASSET_DIR}/mermaid.min.js`)) {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(MERMAID_SCRIPT));
        } else if (path.endsWith(`/${ASSET_DIR}/diagrams.js`)) {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(FALLBACK_SCRIPT);
        } else {
          next();
        }
      });
    },
  };
}

const VIRTUAL_CONFIG = 'virtual:keyplan/config';

/** The site options as a module pages import (`virtual:keyplan/config`). */
export function virtualConfig(site: object) {
  const resolved = `\0${VIRTUAL_CONFIG}`;
  return {
    name: 'keyplan:config',
    resolveId: (id: string) => (id === VIRTUAL_CONFIG ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export default ${JSON.stringify(site)};` : undefined),
  };
}
