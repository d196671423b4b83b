/**
 * The access rules Keyplan writes, on real web servers: nginx serves a test
 * site with two restricted areas in both modes, and Apache accepts its include.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, get, startNginx, type Reply } from './nginx.ts';
import { accessDir as accessDirFor, DEFAULT_ACCESS, writeAccessRules, type AccessMode } from '../../src/access/rules.ts';

const BASE = '/plans/';
/** Where a build with output in <root>/dist writes the rules: beside it. */
const accessDirOf = (root: string) => accessDirFor({}, join(root, 'dist'));
const SECRET = { a: 'alpha-secret', b: 'beta-secret' };

function site(root: string): string {
  const dist = join(root, 'dist');
  const write = (path: string, text: string) => {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), text);
  };
  write('plans/index.html', 'public portfolio');
  for (const [group, secret] of Object.entries(SECRET)) {
    write(`plans/restricted/${group}/index.html`, `${secret} portfolio`);
    write(`plans/restricted/${group}/plans/p-${group}/index.html`, `${secret} plan`);
    write(`plans/restricted/${group}/pagefind/fragment/en_1.pf_fragment`, `${secret} fragment`);
    write(`plans/restricted/${group}/data/plans.json`, `["${secret}"]`);
  }
  write('plans/restricted/c/index.html', 'gamma-secret with no area');
  return dist;
}

/** The paths a reader might try to reach area b (or anything restricted) from outside it. */
const SNEAKY = [
  '/plans/restricted/a/../b/plans/p-b/',
  '/plans/restricted/a/%2e%2e/b/plans/p-b/',
  '/plans/restricted/a/%2E%2E/b/data/plans.json',
  '/plans/restricted/a/..%2Fb/plans/p-b/',
  '/plans/restricted/a%2F..%2Fb/plans/p-b/',
  '/plans/restricted%2Fb/plans/p-b/',
  '/plans/Restricted/b/plans/p-b/',
  '/plans/RESTRICTED/a/plans/p-a/',
  '/plans/restricted/B/plans/p-b/',
  '/Plans/restricted/b/plans/p-b/',
  '//plans/restricted/b/plans/p-b/',
  '/plans//restricted/b/plans/p-b/',
  '/plans/restricted//b/plans/p-b/',
  '/plans/./restricted/b/plans/p-b/',
  '/plans/x/../restricted/b/plans/p-b/',
  '/plans/restricted/c/',
  '/plans/restricted/',
];

function expectDenied(reply: Reply, path: string): void {
  expect(reply.status, path).not.toBe(200);
  expect(reply.status, path).toBeGreaterThanOrEqual(400);
  expect(reply.body, path).not.toMatch(/beta-secret|gamma-secret/);
}

function describeMode(mode: AccessMode, asUserOfA: () => Record<string, string>, asUserOfB: () => Record<string, string>,
  asStranger: Record<string, string>,
  setup: (root: string) => Promise<() => void>): void {
  describe(`nginx in ${mode} mode`, () => {
    let root = '';
    let port = 0;
    let stop: () => void = () => {};
    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), `keyplan-access-${mode}-`));
      chmodSync(root, 0o755); // nginx's workers may run as another user
      const stopAuth = await setup(root);
      const dist = site(root);
      const accessDir = writeAccessRules(['a', 'b'], BASE, { ...DEFAULT_ACCESS, mode, authUrl: authUrl(root) }, accessDirOf(root));
      if (mode === 'basic') {
        for (const [group, user] of [['a', 'alice'], ['b', 'bob']]) {
          const hash = execFileSync('openssl', ['passwd', '-apr1', `${user}-password`], { encoding: 'utf8' }).trim();
          writeFileSync(join(accessDir, 'htpasswd', group), `${user}:${hash}\n`);
        }
      }
      const nginx = await startNginx(root, dist, accessDir);
      port = nginx.port;
      stop = () => { nginx.process.kill(); stopAuth(); };
    }, 30_000);
    afterAll(() => {
      stop();
      rmSync(root, { recursive: true, force: true });
    });

    it('serves the public site to anyone', async () => {
      expect((await get(port, '/plans/')).status).toBe(200);
    });

    it('turns an anonymous reader away from every restricted page, search fragment and export', async () => {
      for (const group of ['a', 'b']) {
        for (const path of ['', 'plans/p-x/'.replace('x', group), 'pagefind/fragment/en_1.pf_fragment', 'data/plans.json']) {
          const reply = await get(port, `/plans/restricted/${group}/${path}`);
          expect([401, 403], path).toContain(reply.status);
          expect(reply.body).not.toContain('secret');
        }
      }
      for (const path of SNEAKY) expectDenied(await get(port, path), path);
    });

    it('turns away a reader whose credentials are wrong', async () => {
      const reply = await get(port, '/plans/restricted/a/plans/p-a/', asStranger);
      expect([401, 403]).toContain(reply.status);
      expect(reply.body).not.toContain('secret');
    });

    it('lets a reader of group a read area a, and nothing of area b', async () => {
      for (const path of ['', 'plans/p-a/', 'pagefind/fragment/en_1.pf_fragment', 'data/plans.json']) {
        const reply = await get(port, `/plans/restricted/a/${path}`, asUserOfA());
        expect(reply.status, path).toBe(200);
        expect(reply.body).toContain('alpha-secret');
      }
      for (const path of ['/plans/restricted/b/', '/plans/restricted/b/plans/p-b/', '/plans/restricted/b/data/plans.json', ...SNEAKY]) {
        expectDenied(await get(port, path, asUserOfA()), path);
      }
      expect((await get(port, '/plans/restricted/b/plans/p-b/', asUserOfB())).status).toBe(200);
    });

    it('keeps a reader of group b out of area a even when the auth service only says "signed in"', async () => {
      for (const path of ['/plans/restricted/a/', '/plans/restricted/a/plans/p-a/', '/plans/restricted/a/data/plans.json',
        '/plans/restricted/b/../a/plans/p-a/', '/plans/Restricted/a/plans/p-a/']) {
        const reply = await get(port, path, asUserOfB());
        expect(reply.status, path).toBeGreaterThanOrEqual(400);
        expect(reply.body, path).not.toContain('alpha-secret');
      }
    });
  });
}

const authPorts = new Map<string, number>();
const authUrl = (root: string) => `http://127.0.0.1:${authPorts.get(root) ?? 9}/oauth2/auth`;

describeMode('basic', () => basicAuth('alice', 'alice-password'), () => basicAuth('bob', 'bob-password'), basicAuth('alice', 'wrong'), async () => () => {});

/** The test's own auth service: bearer token = user name; answers 401 / 403 / 200 with the groups header, like oauth2-proxy. */
const USERS: Record<string, string[]> = { alice: ['a', 'sales'], bob: ['b'] };
describeMode('proxy', () => ({ authorization: 'Bearer alice' }), () => ({ authorization: 'Bearer bob' }), { authorization: 'Bearer mallory' }, async (root) => {
  const server: Server = createServer((req, res) => {
    const user = /^Bearer (\w+)$/.exec(req.headers.authorization ?? '')?.[1];
    const groups = user ? USERS[user] : undefined;
    const wanted = new URL(req.url ?? '/', 'http://x').searchParams.get('allowed_groups');
    if (!groups) res.writeHead(401);
    // Bob's session is answered as oauth2-proxy without allowed_groups would: signed in, whatever the area; nginx must check his groups.
    else if (user !== 'bob' && (!wanted || !groups.includes(wanted))) res.writeHead(403);
    else res.writeHead(202, { [DEFAULT_ACCESS.groupsHeader]: groups.join(',') });
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  authPorts.set(root, (server.address() as AddressInfo).port);
  return () => server.close();
});

describe('Apache', () => {
  for (const mode of ['basic', 'proxy'] as const) {
    it(`accepts the ${mode} include (apachectl -t)`, () => {
      const root = mkdtempSync(join(tmpdir(), `keyplan-apache-${mode}-`));
      try {
        const dist = site(root);
        const accessDir = writeAccessRules(['a', 'b'], BASE, { ...DEFAULT_ACCESS, mode }, accessDirOf(root));
        const modules = ['mpm_event', 'authz_core', 'authn_core', 'auth_basic', 'authn_file', 'authz_user', 'headers', 'rewrite']
          .map((name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`).join('\n');
        const conf = join(root, 'httpd.conf');
        writeFileSync(conf, `ServerRoot ${root}
${modules}
ServerName 127.0.0.1
Listen 127.0.0.1:1
PidFile ${join(root, 'httpd.pid')}
ErrorLog ${join(root, 'error.log')}
DocumentRoot ${dist}
Include ${join(accessDir, 'apache.conf')}
`);
        const output = execFileSync('apachectl', ['-t', '-f', conf], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, APACHE_CONFDIR: root } });
        expect(output).toBeDefined();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
