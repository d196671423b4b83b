/**
 * Hands each page Astro renders in a build to the search index, as it is
 * rendered (see SearchFeed). Outside a build there is no sink, and pages pass
 * through untouched.
 */
import type { MiddlewareHandler } from 'astro';
import { pageSink } from '../../src/snapshot/current.ts';

const decoder = new TextDecoder();

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const sink = pageSink();
  // The layout marks the pages whose main content is indexed; the rest pass through unread.
  if (!sink || !(context.locals as { keyplanSearch?: boolean }).keyplanSearch) return response;
  const bytes = await response.arrayBuffer();
  // Indexed by path from the site root: the search page adds the base path.
  const path = context.url.pathname;
  sink.add(path.startsWith(sink.base) ? `/${path.slice(sink.base.length)}` : path, decoder.decode(bytes));
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
};
