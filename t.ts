import { checkContent } from './src/validate/check.ts';
import { formatIssue } from './src/validate/issue.ts';
const r = checkContent({ root: '/tmp/kp1', today: '2026-11-25' });
for (const i of r.issues) console.log(formatIssue(i));
