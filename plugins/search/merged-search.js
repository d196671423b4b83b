/**
 * Keyplan's merge of the search bundles, shipped as <bundle>/keyplan/pagefind.js:
 * Pagefind's UI loads this instead of Pagefind's own pagefind.js (its bundlePath
 * names this folder), and everything goes through to Pagefind, which merges the
 * bundles the search page lists (mergeIndex) and ranks the results by score.
 *
 * Two things are done here, so that merged bundles answer as one index would:
 *
 * - The bundles whose answer is not the whole site's are left out. A bundle
 *   without any word a query term begins answers that term with the longest
 *   word it holds that begins the term ("soler" finds "sole"), where one index
 *   would only have found the term's own pages. The build writes a word list
 *   beside this file (words/): one record per bundle, with every word of that
 *   bundle, so Pagefind's answer there is the whole site's, and the records it
 *   finds, counted by their filter, name the bundles that hold a word the
 *   query matches. Each bundle's pages carry their bundle's address as a
 *   filter (mergeFilter), and the search keeps those bundles only.
 * - A sorted search is put in order. Pagefind scores each sorted result by
 *   its place in its own bundle, so merged bundles would interleave ("1st of A,
 *   1st of B, 2nd of A..."). The build writes, for each sort key, the ids of the
 *   pages in order (sorts.json, loaded with the first sorted search); results
 *   are put in that order here, and pages without the key left out.
 *
 * Plain JavaScript, served as it is written (plugins/search/pagefind.ts copies it).
 */
import * as pagefind from '../pagefind.js';

export const { preload, init, destroy, createInstance } = pagefind;

/** The filter that names a page's bundle, and the one of the word list's records (WORDS_FILTER in ./pagefind.ts). */
const BUNDLE = 'keyplan_bundle';
const WORDS = 'keyplan_words';

/** Addresses of the bundles searched: the first is this file's own, the others are merged in. */
const bundles = [address('../')];
let tagged;
let wordList;

/** Every option goes to Pagefind, with this bundle's address for its pages. */
export async function options(opts = {}) {
  tagged = true;
  return pagefind.options({ ...opts, mergeFilter: { ...opts.mergeFilter, [BUNDLE]: bundles[0] } });
}

export async function mergeIndex(path, opts = {}) {
  bundles.push(address(path));
  return pagefind.mergeIndex(path, { ...opts, mergeFilter: { ...opts.mergeFilter, [BUNDLE]: address(path) } });
}

export async function filters() {
  return untagged(await pagefind.filters());
}

export async function search(term, opts = {}) {
  if (!tagged) await options();
  const kept = await bundlesFor(term);
  // The word list's records carry no bundle filter, so the filter leaves them out too.
  const response = await pagefind.search(term, { ...opts, filters: { ...opts.filters, [BUNDLE]: { any: kept.length ? kept : ['none'] } } });
  return inOrder({ ...response, filters: untagged(response.filters), totalFilters: untagged(response.totalFilters) }, opts.sort);
}

/** As Pagefind's: only the last of several calls in quick succession searches, the others answer null. */
let latest = 0;
export async function debouncedSearch(term, opts, timeout = 300) {
  const call = ++latest;
  pagefind.preload(term, opts);
  await new Promise((resolve) => setTimeout(resolve, timeout));
  if (call !== latest) return null;
  const response = await search(term, opts);
  return call === latest ? response : null;
}

/** The bundles whose answer to `term` is the whole site's (see above): all of them with one bundle, or with no words to match. */
async function bundlesFor(term) {
  // A quoted search matches words exactly, never a shorter word.
  if (bundles.length === 1 || !term?.trim() || /^\s*".+"\s*$/.test(term)) return bundles;
  wordList ??= pagefind.mergeIndex(address('./words/'));
  await wordList;
  const found = await pagefind.search(term, { filters: { [WORDS]: { any: bundles } } });
  const counts = found?.filters?.[WORDS] ?? {};
  return bundles.filter((address) => counts[address] > 0);
}

/** A folder's address from the site's host, as the build names bundles (its base path and folder). */
function address(path) {
  return decodeURI(new URL(path, import.meta.url).pathname);
}

/** Filter counts without Keyplan's own filters, which the reader never sees. */
function untagged(counts) {
  if (!counts) return counts;
  const { [BUNDLE]: _bundle, [WORDS]: _words, ...rest } = counts;
  return rest;
}

let orders;
function sortOrders() {
  orders ??= fetch(new URL('./sorts.json', import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`sorts.json: ${r.status}`);
    return r.json();
  });
  return orders;
}

async function inOrder(response, sort) {
  const [key, direction] = Object.entries(sort ?? {})[0] ?? [];
  if (!response || !key) return response;
  const ids = (await sortOrders())[key] ?? [];
  const place = new Map(ids.map((id, i) => [id, direction === 'desc' ? ids.length - i : i]));
  // Pagefind leaves out pages without the key, except in a bundle where no page has it: left out here too.
  const results = response.results.filter((result) => place.has(result.id));
  return { ...response, results: results.sort((a, b) => place.get(a.id) - place.get(b.id)) };
}
