/** The sections shown under a search result: the row a search is about first, not the longest passage. */
import { describe, expect, it } from 'vitest';
import { bestSubResults } from '../../src/site/search-sub-results.ts';

const sub = (url: string, scores: number[]) => ({ url, locations: scores.map((_, i) => i), weighted_locations: scores.map((s, i) => ({ weight: 1, balanced_score: s, location: i })) });

describe('bestSubResults', () => {
  it('ranks by weighted score, so a heading of the name beats a passage that mentions it more often', () => {
    const passage = sub('/p/#notes', [500, 500, 500, 500]);
    const row = sub('/p/#marta-soler', [12800, 12800]);
    const other = sub('/p/#risk', [12000]);
    const digest = sub('/p/#digest', [500, 500]);
    expect(bestSubResults('/p/', [digest, passage, row, other]).map((s) => s.url)).toEqual(['/p/#marta-soler', '/p/#risk', '/p/#notes']);
  });
  it('keeps the page itself first, then three sections; equal scores in page order', () => {
    const self = sub('/p/', [1]);
    const subs = [self, sub('/p/#a', [5]), sub('/p/#b', [5]), sub('/p/#c', [5]), sub('/p/#d', [5])];
    expect(bestSubResults('/p/', subs).map((s) => s.url)).toEqual(['/p/', '/p/#a', '/p/#b', '/p/#c']);
  });
});
