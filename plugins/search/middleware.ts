/**
 * Hands each page Astro renders in a build to the search index, as it is
 * rendered (see SearchFeed). Outside a build there is no feed, and pages pass
 * through untouched.
 */
import type { MiddlewareHandler } from 'astro';
import { currentFeed } from './feed-state.ts';

const decoder = new TextDecoder();

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const current = currentFeed();
  // The layout marks the pages whose main content is indexed; the rest pass through unread.
  if (!current || !(context.locals as { keyplanSearch?: boolean }).keyplanSearch) return response;
  const bytes = await response.arrayBuffer();
  // Indexed by path from the site root: the search page adds the base path.
  const path = context.url.pathname;
  current.feed.add(path.startsWith(current.base) ? `/${path.slice(current.base.length)}` : path, decoder.decode(bytes));
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
};
