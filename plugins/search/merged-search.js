/**
 * Keyplan's merge of the search bundles, shipped as pagefind/keyplan/pagefind.js:
 * Pagefind's UI loads this instead of Pagefind's own pagefind.js (its bundlePath
 * names this folder), and everything goes through to Pagefind, which merges the
 * bundles the search page lists (mergeIndex) and ranks the results by score.
 *
 * One thing is done here: a sorted search. Pagefind scores each sorted result by
 * its place in its own bundle, so merged bundles would interleave ("1st of A, 1st
 * of B, 2nd of A..."). The build writes, for each sort key, the ids of the pages
 * in order (sorts.json, loaded with the first sorted search); results are put in
 * that order here, and pages without the key left out.
 *
 * Plain JavaScript, served as it is written (plugins/search/pagefind.ts copies it).
 */
import * as pagefind from '../pagefind.js';

export const { options, mergeIndex, filters, preload, init, destroy, createInstance } = pagefind;

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

export async function search(term, opts) {
  return inOrder(await pagefind.search(term, opts), opts?.sort);
}

export async function debouncedSearch(term, opts, timeout) {
  return inOrder(await pagefind.debouncedSearch(term, opts, timeout), opts?.sort);
}
