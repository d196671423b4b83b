/**
 * The web server's access rules for the restricted areas, written beside the
 * site (never inside it): an nginx include for a `server` block, an Apache
 * include, and a manifest any other server can be configured from.
 * Each area `<base>restricted/<group>/` opens to its group only; everything
 * else under `<base>restricted/`, in any letter case, is denied.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ID_PATTERN } from '../schema/primitives.ts';

export type AccessMode = 'basic' | 'proxy';

export interface AccessOptions {
  /** `basic`: HTTP basic auth against `htpasswd/<group>`; `proxy`: an auth service answers and names the user's groups. */
  mode: AccessMode;
  /** Where the rules are written, relative to the project; by default `access/` beside `dist/`, never inside it. */
  dir?: string;
  /** Where the access folder lives on the web server (absolute), for the htpasswd paths in the rules; by default where it is written. */
  serverDir?: string;
  /** The request header in which the auth service passes the user's groups (proxy mode). */
  groupsHeader: string;
  /** The auth service's check URL nginx calls with `auth_request` (proxy mode). */
  authUrl: string;
  /** Where nginx sends a reader the auth service turned away (proxy mode), e.g. oauth2-proxy's sign-in. */
  signInUrl?: string;
}

export const DEFAULT_ACCESS: AccessOptions = {
  mode: 'basic',
  groupsHeader: 'X-Auth-Request-Groups',
  authUrl: 'http://127.0.0.1:4180/oauth2/auth',
};

export interface AccessManifest {
  mode: AccessMode;
  /** Everything under this prefix is denied unless an area opens it. */
  denied: string;
  groupsHeader?: string;
  areas: { prefix: string; groups: string[]; htpasswd?: string }[];
}

/** The areas' path prefixes: `<base>restricted/<group>/`. */
export function areaPrefix(base: string, group: string): string {
  return `${withSlashes(base)}restricted/${group}/`;
}

function withSlashes(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function checkedGroups(groups: Iterable<string>): string[] {
  const list = [...new Set(groups)].sort();
  for (const group of list) {
    if (!ID_PATTERN.test(group)) throw new Error(`access: "${group}" is not a group id (lower-case letters, digits and single hyphens)`);
  }
  return list;
}

function checkedHeader(header: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(header)) throw new Error(`access.groupsHeader: "${header}" is not a header name (letters, digits and hyphens)`);
  return header;
}

function withQuery(url: string, query: string): string {
  return url + (url.includes('?') ? '&' : '?') + query;
}

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function accessManifest(groups: Iterable<string>, base: string, options: AccessOptions): AccessManifest {
  return {
    mode: options.mode,
    denied: `${withSlashes(base)}restricted/`,
    ...(options.mode === 'proxy' ? { groupsHeader: checkedHeader(options.groupsHeader) } : {}),
    areas: checkedGroups(groups).map((group) => ({
      prefix: areaPrefix(base, group),
      groups: [group],
      ...(options.mode === 'basic' ? { htpasswd: `htpasswd/${group}` } : {}),
    })),
  };
}

/**
 * nginx, inside a `server` block. nginx decodes %XX and resolves `.`/`..`
 * before it matches locations, so `/restricted/a/%2e%2e/b/` is matched as
 * `/restricted/b/`; `merge_slashes off` would let `//restricted` pass the
 * prefix match, so the rules deny that too. Upper-case variants are denied by
 * a case-insensitive regex, which nginx checks before plain prefixes.
 */
export function nginxConf(groups: Iterable<string>, base: string, options: AccessOptions, accessDir: string): string {
  const manifest = accessManifest(groups, base, options);
  const root = manifest.denied;
  const lines = [
    '# Written by Keyplan: access rules for the restricted areas. Include inside a `server` block:',
    `#   include ${join(accessDir, 'nginx.conf')};`,
    `# Mode: ${manifest.mode}. Do not edit; the next build rewrites it.`,
    '',
    '# Any letter case of the restricted prefix that is not written exactly, and any doubled slash before it: denied.',
    `location ~* ^/+${regexEscape(root.slice(1)).replace(/\\\//g, '/+')} {`,
    '    return 403;',
    '}',
    '',
    `# Anything under ${root} that no area opens: denied.`,
    `location ^~ ${root} {`,
    '    return 403;',
    '}',
  ];
  for (const area of manifest.areas) {
    const group = area.groups[0];
    lines.push('', `# Area of group "${group}".`);
    if (manifest.mode === 'proxy') {
      // The service is asked for this group (oauth2-proxy's allowed_groups) and
      // answers 2xx, 401 (not signed in) or 403 (not in it); nginx checks the
      // groups it returns as well, below.
      lines.push(`location = /_keyplan_auth/${group} {`,
        '    internal;',
        `    proxy_pass ${withQuery(options.authUrl, `allowed_groups=${group}`)};`,
        '    proxy_pass_request_body off;',
        '    proxy_set_header Content-Length "";',
        '    proxy_set_header X-Original-URI $request_uri;',
        `    proxy_set_header X-Keyplan-Group ${group};`,
        '}');
    }
    lines.push(`location ^~ ${area.prefix} {`);
    if (manifest.mode === 'basic') {
      lines.push(`    auth_basic "${group}";`,
        `    auth_basic_user_file ${join(accessDir, area.htpasswd!)};`);
    } else {
      // nginx runs `if` (rewrite phase) before `auth_request` (access phase), so the
      // groups the service returned are tested in a named location try_files jumps to.
      const header = `$upstream_http_${manifest.groupsHeader!.toLowerCase().replace(/-/g, '_')}`;
      lines.push(`    auth_request /_keyplan_auth/${group};`,
        `    auth_request_set $keyplan_groups ${header};`,
        ...(options.signInUrl ? [`    error_page 401 = ${options.signInUrl};`] : []),
        `    try_files /.keyplan-no-such-file @keyplan_area_${group};`,
        '}',
        `location @keyplan_area_${group} {`,
        `    if ($keyplan_groups !~ "(^|,)\\s*${regexEscape(group)}\\s*(,|$)") { return 403; }`);
    }
    lines.push('}');
  }
  return lines.join('\n') + '\n';
}

/**
 * Apache, inside a `VirtualHost` (or the main server). <Location> matches the
 * decoded, normalised path; the case-insensitive deny comes first and the
 * areas after it, so an exact-case area overrides it.
 */
export function apacheConf(groups: Iterable<string>, base: string, options: AccessOptions, accessDir: string): string {
  const manifest = accessManifest(groups, base, options);
  const root = manifest.denied;
  const lines = [
    '# Written by Keyplan: access rules for the restricted areas. Include inside a VirtualHost:',
    `#   Include ${join(accessDir, 'apache.conf')}`,
    `# Mode: ${manifest.mode}. Needs mod_authz_core${manifest.mode === 'basic' ? ', mod_auth_basic, mod_authn_file' : ', mod_headers (and the proxy that sets the header)'}.`,
    '',
    `# Anything under ${root}, in any letter case, that no area opens: denied.`,
    `<LocationMatch "(?i)^/+${regexEscape(root.slice(1)).replace(/\\\//g, '/+')}">`,
    '    Require all denied',
    '</LocationMatch>',
  ];
  for (const area of manifest.areas) {
    const group = area.groups[0];
    lines.push('', `# Area of group "${group}".`, `<LocationMatch "^${regexEscape(area.prefix)}">`);
    if (manifest.mode === 'basic') {
      lines.push('    AuthType Basic', `    AuthName "${group}"`, '    AuthBasicProvider file',
        `    AuthUserFile "${join(accessDir, area.htpasswd!)}"`, '    Require valid-user');
    } else {
      lines.push(`    Require expr "%{HTTP:${manifest.groupsHeader}} =~ /(^|[,; ])${regexEscape(group)}($|[,; ])/"`);
    }
    lines.push('</LocationMatch>');
  }
  return lines.join('\n') + '\n';
}

const HTPASSWD_README = `# htpasswd files, one per group

Each restricted area \`restricted/<group>/\` is opened, in \`basic\` mode, to the
users listed in \`htpasswd/<group>\`. Keyplan creates an empty file for a new
group and never overwrites one. Add a user with

    htpasswd -B htpasswd/<group> <user>        # apache2-utils
    printf '<user>:%s\\n' "$(openssl passwd -apr1)" >> htpasswd/<group>

and reload the web server. An empty file lets nobody in.
`;

/** The access folder: `options.dir` (relative to the project), else `access/` beside the build's output folder. */
export function accessDir(options: Pick<AccessOptions, 'dir'>, outDir: string, root = process.cwd()): string {
  return options.dir ? resolve(root, options.dir) : join(dirname(resolve(outDir)), 'access');
}

/** Writes `<dir>/nginx.conf`, `apache.conf`, `manifest.json` (and, in basic mode, `htpasswd/`), returning the folder. */
export function writeAccessRules(groups: Iterable<string>, base: string, options: AccessOptions, dir: string): string {
  const list = checkedGroups(groups);
  const serverDir = options.serverDir ?? dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'nginx.conf'), nginxConf(list, base, options, serverDir));
  writeFileSync(join(dir, 'apache.conf'), apacheConf(list, base, options, serverDir));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(accessManifest(list, base, options), null, 2) + '\n');
  if (options.mode === 'basic') {
    mkdirSync(join(dir, 'htpasswd'), { recursive: true });
    writeFileSync(join(dir, 'htpasswd', 'README.md'), HTPASSWD_README);
    for (const group of list) {
      const file = join(dir, 'htpasswd', group);
      if (!existsSync(file)) writeFileSync(file, '');
    }
  }
  return dir;
}
