/**
 * The pieces of the validation engine, one at a time: suggestions, cycles,
 * the frontmatter split, positions of YAML nodes, YAML syntax errors, and the
 * schema messages a writer reads.
 */
import { describe, expect, it } from 'vitest';
import { findCycles, type Edge } from '../../src/validate/cycles.ts';
import { isSplitProblem, splitFrontmatter, type SplitPlan } from '../../src/validate/frontmatter.ts';
import { checkFiles } from '../../src/validate/check.ts';
import { formatIssue } from '../../src/validate/issue.ts';
import { loadFile } from '../../src/validate/load.ts';
import { Locator } from '../../src/validate/locate.ts';
import { closest, didYouMean, editDistance } from '../../src/text/suggest.ts';
import { findUnclosed } from '../../src/validate/yaml-problem.ts';

describe('suggest', () => {
  it('counts edits, with a swap of neighbours as one', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('owner', 'onwer')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('finds the name a typo was meant to be', () => {
    const statuses = ['draft', 'active', 'under-review', 'suspended', 'discontinued'];
    expect(closest('actve', statuses)).toBe('active');
    expect(closest('Active', statuses)).toBe('active');
    expect(closest('under_review', statuses)).toBe('under-review');
    expect(closest('quaterly', ['monthly', 'quarterly', 'half-yearly', 'yearly'])).toBe('quarterly');
  });

  it('reads separators and case as the same id', () => {
    expect(closest('Jane_Doe', ['john-smith', 'jane-doe'])).toBe('jane-doe');
    expect(closest('aproved-by', ['last', 'next', 'approvedBy'])).toBe('approvedBy');
  });

  it('recognises shortened ids: initials, and a prefix of three letters or more', () => {
    expect(closest('jdoe', ['john-smith', 'jane-doe'])).toBe('jane-doe');
    expect(closest('acme', ['globex', 'acme-bank'])).toBe('acme-bank');
    expect(closest('ac', ['acme-bank'])).toBeUndefined();
  });

  it('suggests nothing when no name is close', () => {
    expect(closest('treasury', ['cards', 'leasing'])).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  it('allows more edits in longer names', () => {
    // One edit in three: "skeptical" (9 letters) is 2 edits from "skeptic".
    expect(closest('skeptical', ['champion', 'skeptic'])).toBe('skeptic');
    expect(closest('xyz', ['abc'])).toBeUndefined();
    expect(closest('abd', ['abc'])).toBe('abc');
  });

  it('formats the hint for a message, or nothing', () => {
    expect(didYouMean('actve', ['active'])).toBe(' (did you mean "active"?)');
    expect(didYouMean('zzz', ['active'])).toBe('');
  });
});

describe('cycles', () => {
  const edges = (...pairs: string[]): Edge<string>[] => pairs.map((p) => {
    const [from, to] = p.split('>');
    return { from, to, ref: p };
  });

  it('finds none in a graph without loops, diamonds included', () => {
    expect(findCycles(edges())).toEqual([]);
    expect(findCycles(edges('a>b', 'a>c', 'b>d', 'c>d'))).toEqual([]);
  });

  it('reports a loop once, from the edge that closes it', () => {
    const cycles = findCycles(edges('a>b', 'b>c', 'c>a'));
    expect(cycles).toHaveLength(1);
    expect(cycles[0].closing.ref).toBe('c>a');
    expect(cycles[0].nodes).toEqual(['c', 'a', 'b', 'c']);
  });

  it('reports a loop reached from several starts only once', () => {
    const cycles = findCycles(edges('x>a', 'a>b', 'b>a', 'y>b'));
    expect(cycles.map((c) => c.nodes)).toEqual([['b', 'a', 'b']]);
  });

  it('reports a self-dependency as a two-node loop', () => {
    expect(findCycles(edges('a>a')).map((c) => c.nodes)).toEqual([['a', 'a']]);
  });

  it('reports separate loops separately', () => {
    expect(findCycles(edges('a>b', 'b>a', 'c>d', 'd>c'))).toHaveLength(2);
  });

  it('walks a long chain without overflowing the stack', () => {
    const chain = Array.from({ length: 50_000 }, (_, i) => `n${i}>n${i + 1}`);
    expect(findCycles(edges(...chain))).toEqual([]);
    const looped = findCycles(edges(...chain, 'n50000>n0'));
    expect(looped).toHaveLength(1);
    expect(looped[0].nodes).toHaveLength(50_002);
  });
});

describe('frontmatter', () => {
  const split = (source: string) => {
    const result = splitFrontmatter(source);
    if (isSplitProblem(result)) throw new Error(`unexpected problem: ${result.message}`);
    return result as SplitPlan;
  };

  it('splits the YAML from the body and keeps their file lines', () => {
    expect(split('---\naccount: Acme\nstatus: active\n---\n\n# Acme\n')).toEqual({
      yaml: 'account: Acme\nstatus: active', yamlLine: 2, body: '\n# Acme\n', bodyLine: 5,
    });
  });

  it('allows blank lines before the opening fence and counts them', () => {
    expect(split('\n\n---\naccount: Acme\n---\nText').yamlLine).toBe(4);
  });

  it('ignores a byte-order mark, Windows line ends and spaces after a fence', () => {
    expect(split('\uFEFF---\naccount: Acme\n---\n').yamlLine).toBe(2);
    const crlf = split('---\r\naccount: Acme\r\n---\r\nText\r\n');
    expect(crlf.bodyLine).toBe(4);
    expect(crlf.body.startsWith('Text')).toBe(true);
    expect(split('--- \naccount: Acme\n---\t\nText').body).toBe('Text');
  });

  it('leaves a horizontal rule in the body alone', () => {
    const plan = split('---\naccount: Acme\n---\nOne\n\n---\n\nTwo\n');
    expect(plan.yaml).toBe('account: Acme');
    expect(plan.body).toBe('One\n\n---\n\nTwo\n');
  });

  it('an empty frontmatter is split, not a problem of its own', () => {
    expect(split('---\n---\nText')).toMatchObject({ yaml: '', yamlLine: 2, bodyLine: 3 });
  });

  it('names the problem and its line when there is no frontmatter to split', () => {
    expect(splitFrontmatter('')).toEqual({ line: 1, rule: 'keyplan/empty-file', message: expect.stringMatching(/^the file is empty/) });
    expect(splitFrontmatter(' \n\n')).toEqual({ line: 1, rule: 'keyplan/empty-file', message: expect.stringMatching(/^the file is empty/) });
    expect(splitFrontmatter('\n# Acme\n')).toEqual({ line: 2, rule: 'keyplan/frontmatter', message: expect.stringMatching(/^no frontmatter/) });
    expect(splitFrontmatter('----\naccount: Acme\n----\n')).toEqual({ line: 1, rule: 'keyplan/frontmatter', message: expect.stringMatching(/^no frontmatter/) });
    expect(splitFrontmatter('\n---\naccount: Acme\n\nText\n')).toEqual({ line: 2, rule: 'keyplan/frontmatter', message: expect.stringMatching(/^the frontmatter is not closed/) });
  });
});

describe('locate', () => {
  // As in a plan file: the YAML starts on line 2, after the opening fence.
  const yaml = [
    'account: Acme Bank', // 2
    'owner:', // 3
    'period: { start: 2026-01-01, end: 2026-02-30 }', // 4
    'related: [globex, initech]', // 5
    'review:', // 6
    '  cadence: quarterly', // 7
    '  # the next planning meeting', // 8
    '  next: 2027-01-15', // 9
    'goals:', // 10
    '  - id: win-treasury', // 11
    '    title: Win the tender', // 12
    '', // 13
    '  - id: grow-cards', // 14
    '    dependsOn:', // 15
    '      - win-treasury', // 16
    '      - cash-pooling', // 17
    'selection:', // 18
    '  - { criterion: Revenue, weight: 40, score: 4 }', // 19
    '  - { criterion: Fit, weight: 30, score: 0 }', // 20
    '"quoted key": value', // 21
  ].join('\n');
  const at = (path: (string | number)[], anchor?: 'key' | 'value' | 'object') => {
    const { line, column } = new Locator(yaml, 2).locate(path, anchor);
    return `${line}:${column}`;
  };

  it('points at a value, or at its key', () => {
    expect(at(['account'])).toBe('2:10');
    expect(at(['account'], 'key')).toBe('2:1');
    expect(at(['review', 'next'])).toBe('9:9');
    expect(at(['review', 'next'], 'key')).toBe('9:3');
  });

  it('points at the first line of an object for a field missing from it', () => {
    expect(at([], 'object')).toBe('2:1');
    expect(at(['review'], 'object')).toBe('7:3');
    expect(at(['goals', 1], 'object')).toBe('14:5');
  });

  it('finds items of lists by their 0-based index', () => {
    expect(at(['goals', 0, 'title'])).toBe('12:12');
    expect(at(['goals', 1, 'dependsOn', 1])).toBe('17:9');
    expect(at(['goals', 1, 'dependsOn'], 'key')).toBe('15:5');
  });

  it('finds fields inside flow mappings and flow lists', () => {
    expect(at(['period', 'end'])).toBe('4:35');
    expect(at(['period', 'end'], 'key')).toBe('4:30');
    expect(at(['related', 1])).toBe('5:19');
    expect(at(['selection', 1, 'score'])).toBe('20:42');
    expect(at(['selection'], 'key')).toBe('18:1');
  });

  it('finds a quoted key', () => {
    expect(at(['quoted key'], 'key')).toBe('21:1');
  });

  it('points at the key of a field written without a value', () => {
    expect(at(['owner'])).toBe('3:1');
  });

  it('falls back to the nearest written ancestor of a path that is not written', () => {
    expect(at(['goals', 0, 'kpi', 'target'])).toBe('11:5');
    expect(at(['goals', 7])).toBe('11:3');
  });
});

describe('YAML syntax errors', () => {
  const problem = (yaml: string) => loadFile('content/people/ana-silva.yaml', 'person', yaml).unreadable;

  it('points at an unclosed bracket where it opens, not where the parser gave up', () => {
    expect(problem('name: Ana\ntags: [a, b\ntitle: Director\n')).toEqual({ rule: 'keyplan/yaml', line: 2, column: 7,
      message: 'broken YAML: the list opened with "[" here is not closed: add "]" after its last entry' });
    expect(problem('name: Ana\nperiod: { start: 2026-01-01\ntitle: Director\n')).toMatchObject({ line: 2, column: 9,
      message: expect.stringContaining('the mapping opened with "{" here is not closed') });
  });

  it('points at an unclosed quote where it opens, also on the last line', () => {
    expect(problem('name: Ana\ntitle: "Director\nteam: Banking\n')).toEqual({ rule: 'keyplan/yaml', line: 2, column: 8,
      message: 'broken YAML: the text opened with " here is not closed: add the closing " at its end' });
    expect(problem("name: Ana\ntitle: 'Director")).toMatchObject({ line: 2, column: 8 });
  });

  it('explains a colon in an unquoted value with the quoted line to write', () => {
    expect(problem('name: Ana\ntitle: Head of Sales: EMEA\n')).toEqual({ rule: 'keyplan/yaml', line: 2, column: 21,
      message: 'broken YAML: the value contains ": "; put it in quotes: title: "Head of Sales: EMEA"' });
  });

  it('names a field written twice', () => {
    expect(problem('name: Ana\ntitle: A\nname: Ana Silva\n')).toEqual({ rule: 'keyplan/yaml', line: 3, column: 1,
      message: 'broken YAML: the field "name" is written twice in the same object; keep one' });
  });

  it('points at the start of a badly indented field', () => {
    expect(problem('name: Ana\nreview:\n  cadence: yearly\n   next: 2027-01-01\n')).toMatchObject({ line: 4, column: 4,
      message: expect.stringContaining('bad indentation') });
  });

  it('says to indent with spaces when a tab is used', () => {
    expect(problem('name: Ana\nreview:\n\tnext: 2027-01-01\n')?.message).toMatch(/tab.*indent with spaces$/);
  });

  it('a blank or comments-only file is empty, not broken', () => {
    for (const text of ['', '\n\n', '# to be written\n']) {
      expect(problem(text)).toEqual({ rule: 'keyplan/empty-file', line: 1, column: 1, message: 'the file is empty: a person needs at least name and title' });
    }
  });

  it('does not mistake apostrophes, comments or block text for an open quote or bracket', () => {
    expect(findUnclosed("title: Bob's plan\nnote: it's [done] # a \"comment\n")).toBeUndefined();
    expect(findUnclosed('strategy: |\n  "Quoted" [start\n  of a paragraph\nnext: x\n')).toBeUndefined();
    expect(findUnclosed('tags: [a, "b]", c]\ntitle: "say \\"hi\\""\nnote: \'it\'\'s fine\'\n')).toBeUndefined();
    expect(findUnclosed('tags: [a,\n  b\n')).toEqual({ line: 1, column: 7, char: '[' });
  });
});

describe('schema messages', () => {
  const header = [
    'account: Acme Bank',
    'status: active',
    'tier: key',
    'owner: ana-silva',
    'period: { start: 2026-01-01, end: 2027-12-31 }',
    'review: { cadence: quarterly, next: 2027-01-15 }',
  ];
  const lines = (...extra: string[]) => {
    const plan = loadFile('content/plans/acme.mdx', 'plan', ['---', ...header, ...extra, '---', ''].join('\n'));
    const person = loadFile('content/people/ana-silva.yaml', 'person', 'name: Ana Silva\ntitle: Director\n');
    return checkFiles([plan, person], { today: '2026-11-25' }).issues.map(formatIssue);
  };

  it('counts the summary in characters as a reader sees them', () => {
    // "é" written as e + combining accent, and a family emoji: one character each.
    const decomposed = 'Cafe\u0301 '.repeat(56);
    expect([...decomposed].length).toBeGreaterThan(280);
    expect(lines(`summary: "${decomposed}"`)).toEqual([]);
    expect(lines(`summary: "${decomposed}👩‍👩‍👧"`)).toEqual([
      'content/plans/acme.mdx:8:10 error summary: is 281 characters long; keep it to 280 (move the detail to "strategy" or the body) [keyplan/invalid-value]',
    ]);
  });

  it('reports a mistyped field once, not also as a missing one', () => {
    expect(lines('sumary: Grow payments.')).toEqual([
      'content/plans/acme.mdx:8:1 error sumary: unknown field "sumary" (did you mean "summary"?) [keyplan/unknown-field]',
    ]);
  });

  it('still reports a missing field next to an unknown field that is not its typo', () => {
    const [missing, unknown, ...rest] = lines('notes: Grow payments.');
    expect(missing).toBe('content/plans/acme.mdx:2:1 error summary: missing required field "summary" (one line for listings and search results, at most 280 characters) [keyplan/missing-field]');
    expect(unknown).toMatch(/^content\/plans\/acme\.mdx:8:1 error notes: unknown field "notes"; allowed here: account, summary, status, tier, owner, period, review, /);
    expect(rest).toEqual([]);
  });

  it('says how many selection criteria there are, at the selection key', () => {
    expect(lines('summary: S', 'selection:', '  - { criterion: Fit, weight: 100, score: 3 }')).toEqual([
      'content/plans/acme.mdx:9:1 error selection: has 1 criterion; list 3 to 8 [keyplan/out-of-range]',
    ]);
  });

  it('writes the currency code a lower-case one was meant to be', () => {
    expect(lines('summary: S', 'profile: { revenue: { amount: 5, currency: usd } }')).toEqual([
      'content/plans/acme.mdx:9:44 error profile.revenue.currency: "usd" is not a currency code: write "USD" (ISO 4217 codes are three upper-case letters) [keyplan/invalid-value]',
    ]);
  });

  it('accepts an invalid id\'s intended spelling in references, so one mistake gives one message', () => {
    expect(lines('summary: S', 'goals:', '  - { id: Grow Online, title: T, due: 2027-01-01, owner: ana-silva, status: on-track }',
      'actions:', '  - { id: demo, title: Demo, goal: grow-online, owner: ana-silva, due: 2027-01-01, status: planned }')).toEqual([
      'content/plans/acme.mdx:10:11 error goals[0].id: "Grow Online" is not a valid goal id: use lower-case letters, digits and single hyphens (e.g. "grow-online") [keyplan/invalid-value]',
    ]);
  });
});
