/** nginx for the access tests: started on a loopback port with a generated include, and plain GETs sent exactly as written. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

export interface Reply { status: number; body: string }

/** One GET with the path sent exactly as written (no client-side normalising). */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout on ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

/** nginx serving `dist` with the access include of `accessDir`; `probe` is a path it answers once it is up. */
export async function startNginx(root: string, dist: string, accessDir: string, probe = '/plans/'): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const prefix = join(root, 'nginx');
  mkdirSync(join(prefix, 'tmp'), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${join(prefix, 'tmp', name)};`).join('\n  ');
  writeFileSync(conf, `worker_processes 1;
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 64; }
http {
  # As a packaged nginx serves: scripts as JavaScript (the search page's modules need it).
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
  server {
    listen 127.0.0.1:${port};
    root ${dist};
    include ${join(accessDir, 'nginx.conf')};
  }
}
`);
  execFileSync('nginx', ['-t', '-p', prefix, '-c', conf, '-g', `pid ${join(prefix, 'nginx.pid')};`], { stdio: 'pipe' });
  const child = spawn('nginx', ['-p', prefix, '-c', conf, '-g', `daemon off; pid ${join(prefix, 'nginx.pid')};`], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await get(port, probe).then(() => true, () => false);
    if (up) return { port, process: child };
    await new Promise((done) => setTimeout(done, 50));
  }
  child.kill();
  throw new Error(`nginx did not start: ${readFileSync(join(prefix, 'error.log'), 'utf8')}`);
}

export const basicAuth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

