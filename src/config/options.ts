/** The site options of `keyplan({...})` in astro.config.mjs, checked with zod. */
import { z } from 'zod';
import { DEFAULT_PERSPECTIVES } from '../schema/measure.ts';
import { calendarDate, ID_PATTERN } from '../schema/primitives.ts';
import { rulesOption } from '../validate/rules-option.ts';

export const optionsSchema = z.strictObject({
  /** Shown in the header and the page titles. */
  title: z.string().min(1).default('Account plans'),
  /** The sub-path the site is served under on the intranet, e.g. "/plans-site/". `KEYPLAN_BASE` overrides it. */
  base: z.string().regex(/^\//, { error: 'base must start with "/", e.g. "/plans-site/"' }).optional(),
  /** The scorecard perspectives, in display order. */
  perspectives: z.array(z.string().regex(ID_PATTERN, { error: 'perspectives are ids: lower-case kebab-case' }))
    .min(1).default([...DEFAULT_PERSPECTIVES]),
  /** ISO 4217 code of a bare amount of money. */
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'currency is an ISO 4217 code such as "EUR"' }).default('EUR'),
  /** Pins "today" (YYYY-MM-DD) for reproducible builds; `KEYPLAN_TODAY` overrides it. */
  today: calendarDate().optional(),
  /** Leave confidential plans out of the build entirely; `KEYPLAN_EXCLUDE_CONFIDENTIAL=1` turns it on. */
  excludeConfidential: z.boolean().default(false),
  /**
   * The Markdown processor for plan bodies: Sätteri (Astro's native one, the
   * faster) or unified (remark and rehype plugins). `KEYPLAN_MARKDOWN` overrides it.
   */
  markdown: z.enum(['satteri', 'unified']).default('satteri'),
  /**
   * The Chromium or Chrome that renders diagrams at build time; found in the
   * usual places when not given. "none": render in the reader's browser.
   * `KEYPLAN_CHROMIUM` overrides it.
   */
  chromium: z.string().optional(),
  /**
   * Where a plan's source file can be seen and edited, with {path} for its
   * path, e.g. "https://github.com/acme/plans/blob/main/{path}".
   */
  sourceUrl: z.string().regex(/\{path\}/, { error: 'sourceUrl must contain {path}, e.g. "https://github.com/acme/plans/blob/main/{path}"' }).optional(),
  /** The paper a printed page (the meeting pack) is laid out for. */
  paper: z.enum(['A4', 'Letter']).default('A4'),
  /** A severity per rule id ('off', 'warning' or 'error'), e.g. { 'keyplan/stale-actual': 'error' }; the rules are listed at /rules/. */
  rules: rulesOption,
  /** The web server's access rules for the restricted areas, written beside the built site (src/access/). */
  access: z.strictObject({
    /** "basic": HTTP basic auth against access/htpasswd/<group>; "proxy": an auth service (like oauth2-proxy) decides. */
    mode: z.enum(['basic', 'proxy']).default('basic'),
    /** The folder the rules go to, relative to the project; by default "access" next to the build's output folder. */
    dir: z.string().min(1).optional(),
    /** Proxy mode: the header in which the auth service names the user's groups, comma-separated. */
    groupsHeader: z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'groupsHeader is a header name such as "X-Auth-Request-Groups"' })
      .default('X-Auth-Request-Groups'),
    /** Proxy mode: the auth service nginx asks for each request to an area (oauth2-proxy's default). */
    authUrl: z.string().regex(/^https?:\/\/[^\s;{}"']+$/, { error: 'authUrl is an http(s) URL such as "http://127.0.0.1:4180/oauth2/auth"' })
      .default('http://127.0.0.1:4180/oauth2/auth'),
    /** Proxy mode: where nginx sends a reader the auth service does not know (a 401), e.g. oauth2-proxy's "/oauth2/sign_in". */
    signInUrl: z.string().regex(/^(\/|https?:\/\/)[^\s;{}"']*$/, { error: 'signInUrl is a path or an http(s) URL such as "/oauth2/sign_in"' }).optional(),
    /** Where the access folder lives on the web server (absolute), for the htpasswd paths in the rules. */
    serverDir: z.string().regex(/^\/[^\s;{}"']*$/, { error: 'serverDir is an absolute path such as "/etc/keyplan/access"' }).optional(),
  }).prefault({}),
});

export type KeyplanOptions = z.input<typeof optionsSchema>;
export type ParsedOptions = z.output<typeof optionsSchema>;

/** Options after the environment has had its say; what every stage of the build sees. */
export interface SiteConfig {
  title: string;
  base: string;
  perspectives: string[];
  currency: string;
  today: string;
  excludeConfidential: boolean;
  /** Draft plans are shown in `astro dev` only. */
  showDrafts: boolean;
  markdown: 'satteri' | 'unified';
  /** The browser that renders diagrams at build time, if there is one. */
  chromium?: string;
  /** Where parses and rendered diagrams are cached between runs. */
  cacheDir: string;
  sourceUrl?: string;
  /** The paper printed pages are laid out for. */
  paper: 'A4' | 'Letter';
  /** The `rules` option: severities that differ from each rule's default. */
  rules: Record<string, 'off' | 'warning' | 'error'>;
  /** The access rules' options (src/access/rules.ts). */
  access: ParsedOptions['access'];
  /** Pages a search bundle holds, about (src/site/search-bundles.ts); KEYPLAN_SEARCH_PAGES_PER_BUNDLE, for tuning and tests. */
  searchPagesPerBundle?: number;
}
