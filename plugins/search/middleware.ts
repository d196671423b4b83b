/**
 * Hands each page Astro renders in a build to the search index, as it is
 * rendered (see SearchFeed). Outside a build there is no feed, and pages pass
 * through untouched.
 */
import type { MiddlewareHandler } from 'astro';
import { currentFeed } from './feed-state.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const current = currentFeed();
  if (!current || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  // Indexed by path from the site root: the search page adds the base path.
  const path = context.url.pathname;
  current.feed.add(path.startsWith(current.base) ? `/${path.slice(current.base.length)}` : path, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
};
