import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
const srv = createServer((req, res) => {
  let p = join('/tmp/kp-t', decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try { if (statSync(p).isDirectory()) p = join(p, 'index.html'); res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }); res.end(readFileSync(p)); }
  catch { res.writeHead(404); res.end(); }
}).listen(4568);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const shots = JSON.parse(process.argv[2]);
for (const [name, path, width, full, selector] of shots) {
  const page = await b.newPage({ viewport: { width, height: 900 } });
  await page.goto(`http://127.0.0.1:4568/intranet/${path}`);
  await page.waitForTimeout(path.includes('search') ? 2500 : 300);
  if (selector) await page.locator(selector).first().screenshot({ path: `/tmp/shots/${name}.png` });
  else await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: full });
  await page.close();
}
await b.close(); srv.close();
