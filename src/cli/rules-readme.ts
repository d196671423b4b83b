/** `npm run rules-readme`: rewrites the rules table in README.md from the rule registry. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from '../validate/rules-readme.ts';

const path = new URL('../../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withRulesTable(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md rules table is up to date' : 'README.md rules table rewritten');
