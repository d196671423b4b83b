/** The access folder a build writes: where it goes, what the manifest says, and the operator's htpasswd files kept. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accessDir, DEFAULT_ACCESS, writeAccessRules } from '../../src/access/rules.ts';
import { decideVisibility } from '../../src/model/visibility.ts';

const roots: string[] = [];
const fresh = () => { const root = mkdtempSync(join(tmpdir(), 'keyplan-rules-')); roots.push(root); return root; };
afterEach(() => { for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true }); });

const plans = [
  { id: 'open', data: { status: 'active' as const, confidential: false } },
  { id: 'halvard', data: { status: 'active' as const, confidential: true, audience: ['leadership', 'finance'] } },
  { id: 'juniper', data: { status: 'active' as const, confidential: true, audience: ['confidential'] } },
];

describe('the access folder', () => {
  it('goes beside dist/, never inside it, unless access.dir says where', () => {
    expect(accessDir({}, '/srv/site/dist')).toBe('/srv/site/access');
    expect(accessDir({}, '/srv/site/dist/')).toBe('/srv/site/access');
    expect(accessDir({ dir: 'deploy/rules' }, '/srv/site/dist', '/srv/site')).toBe('/srv/site/deploy/rules');
  });

  it('names one area per group of the visibility decision, and denies the rest of restricted/', () => {
    const dir = join(fresh(), 'access');
    const { areas } = decideVisibility(plans, { showDrafts: false, excludeConfidential: false });
    writeAccessRules(areas.keys(), '/plans-site/', DEFAULT_ACCESS, dir);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toEqual({
      mode: 'basic',
      denied: '/plans-site/restricted/',
      areas: [
        { prefix: '/plans-site/restricted/confidential/', groups: ['confidential'], htpasswd: 'htpasswd/confidential' },
        { prefix: '/plans-site/restricted/finance/', groups: ['finance'], htpasswd: 'htpasswd/finance' },
        { prefix: '/plans-site/restricted/leadership/', groups: ['leadership'], htpasswd: 'htpasswd/leadership' },
      ],
    });
    const nginx = readFileSync(join(dir, 'nginx.conf'), 'utf8');
    expect(nginx).toContain(`auth_basic_user_file ${join(dir, 'htpasswd/finance')};`);
    expect(nginx).not.toMatch(/halvard|juniper/);
  });

  it('creates an empty htpasswd for a new group and never overwrites one the operator filled', () => {
    const dir = join(fresh(), 'access');
    writeAccessRules(['finance'], '/', DEFAULT_ACCESS, dir);
    expect(readFileSync(join(dir, 'htpasswd/finance'), 'utf8')).toBe('');
    writeFileSync(join(dir, 'htpasswd/finance'), 'priya:$apr1$x$y\n');
    writeAccessRules(['finance', 'leadership'], '/', DEFAULT_ACCESS, dir);
    expect(readFileSync(join(dir, 'htpasswd/finance'), 'utf8')).toBe('priya:$apr1$x$y\n');
    expect(readFileSync(join(dir, 'htpasswd/leadership'), 'utf8')).toBe('');
  });

  it('writes no area when every restricted plan is excluded', () => {
    const dir = join(fresh(), 'access');
    const { areas } = decideVisibility(plans, { showDrafts: false, excludeConfidential: true });
    writeAccessRules(areas.keys(), '/', DEFAULT_ACCESS, dir);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).areas).toEqual([]);
  });

  it('refuses a group or header that would break out of the rules', () => {
    expect(() => writeAccessRules(['a;}'], '/', DEFAULT_ACCESS, join(fresh(), 'x'))).toThrow(/"a;}" is not a group id/);
    expect(() => writeAccessRules(['a'], '/', { ...DEFAULT_ACCESS, mode: 'proxy', groupsHeader: 'X;y' }, join(fresh(), 'x')))
      .toThrow(/not a header name/);
  });
});
