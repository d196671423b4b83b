/** The rule registry and the places that document it: README table, ids, did-you-mean for the `rules` option. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionsSchema } from '../../src/config/options.ts';
import { RULES, unknownRuleMessage } from '../../src/validate/rule-registry.ts';
import { rulesTable, withRulesTable } from '../../src/validate/rules-readme.ts';

describe('the rule registry', () => {
  it('has unique, namespaced kebab-case ids, each with a description, a fix and an example', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^keyplan\/[a-z]+(-[a-z]+)*$/);
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.fix.length, rule.id).toBeGreaterThan(10);
      expect(rule.example.before, rule.id).not.toBe(rule.example.after);
    }
  });

  it('is what the README lists: run `npm run rules-readme` when this fails', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withRulesTable(readme));
    for (const rule of RULES) expect(rulesTable()).toContain(`| \`${rule.id}\` | ${rule.severity} |`);
  });

  it('the rules option accepts a severity per rule, and names the closest rule for a typo', () => {
    expect(optionsSchema.parse({ rules: { 'keyplan/stale-actual': 'off' } }).rules).toEqual({ 'keyplan/stale-actual': 'off' });
    expect(optionsSchema.parse({}).rules).toEqual({});
    const typo = optionsSchema.safeParse({ rules: { 'keyplan/overdue-actions': 'error' } });
    expect(typo.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rules.keyplan/overdue-actions', 'unknown rule "keyplan/overdue-actions" (did you mean "keyplan/overdue-action"?); the rules are listed at /rules/ and in the README'],
    ]);
    expect(unknownRuleMessage('stale-actual')).toContain('(did you mean "keyplan/stale-actual"?)');
    const level = optionsSchema.safeParse({ rules: { 'keyplan/stale-actual': 'fatal' } });
    expect(level.error?.issues[0].message).toBe('"fatal" is not a rule setting; use "off", "warning" or "error"');
  });
});
