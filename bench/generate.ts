/**
 * A synthetic portfolio for benchmarks: realistic plans of about 23 KB (10
 * goals, 15 stakeholders, 12 measures with history, 8 risks, 20 actions, a
 * 10 KB body with cross-links and one mermaid block each), the same every
 * time for the same seed. The plans have no errors, and about one warning in
 * two plans (overdue goals and actions, stale measures), as a real portfolio
 * has, so a benchmark measures real work, warnings included.
 * With `components`, each body also places three components the way a writer
 * would (a decision callout, a measure in a sentence, a goal's actions), and is
 * otherwise the same: the two corpora differ by the components only.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dario', 'Elif', 'Femi', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kai', 'Lena', 'Mika', 'Nora', 'Omar', 'Pia', 'Rui', 'Sara', 'Tomás', 'Uma', 'Vera', 'Wim', 'Yara', 'Zoë'];
const LAST = ['Almeida', 'Berg', 'Costa', 'Dahl', 'Eriksen', 'Fischer', 'García', 'Hansen', 'Ivanova', 'Jansen', 'Kowalski', 'Larsen', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Silva', 'Tanaka', 'Ulrich', 'Vidal', 'Weber', 'Yilmaz'];
const SECTORS = ['Retail', 'Banking', 'Insurance', 'Energy', 'Logistics', 'Pharmaceuticals', 'Telecommunications', 'Manufacturing', 'Public sector', 'Media'];
const REGIONS = ['Nordics', 'DACH', 'Benelux', 'Iberia', 'United Kingdom', 'France', 'Italy', 'Central Europe'];
const NOUNS = ['platform', 'programme', 'retainer', 'rollout', 'migration', 'campaign', 'service desk', 'data model', 'pilot', 'academy'];
const VERBS = ['Launch', 'Renew', 'Extend', 'Stabilise', 'Automate', 'Grow', 'Win', 'Consolidate', 'Rebuild', 'Certify'];
const UNITS = ['Operations', 'Marketing', 'Finance', 'IT', 'Sales', 'Procurement', 'Customer service', 'HR'];
const OFFERINGS = ['Brand & Media', 'Technology Consulting', 'Transformation Consulting', 'Managed Services'];
const PERSPECTIVES = ['financial', 'client', 'sales', 'people', 'management'];
const GOAL_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'done'];
const ACTION_STATUSES = ['planned', 'in-progress', 'blocked', 'done', 'obsolete'];
const ROLES = ['decision-maker', 'approver', 'evaluator', 'influencer', 'user', 'gatekeeper', 'coach'];
const INFLUENCES = ['low', 'medium', 'high', 'decisive'];
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker'];

export const PEOPLE = 60;
const personId = (i: number) => `person-${String(i).padStart(3, '0')}`;
export const planId = (i: number) => `account-${String(i).padStart(5, '0')}`;

const pad = (n: number) => String(n).padStart(2, '0');
const date = (y: number, m: number, d = 15) => `${y}-${pad(m)}-${pad(d)}`;
const q = (s: string) => JSON.stringify(s);
/** The bench's today (KEYPLAN_TODAY in bench/run.ts): items due before it are overdue unless done. */
export const TODAY = '2026-11-25';

export function generatePortfolio(root: string, plans: number, seed = 1, options: { components?: boolean } = {}): void {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  rmSync(join(root, 'content'), { recursive: true, force: true });
  mkdirSync(join(root, 'content/plans'), { recursive: true });
  mkdirSync(join(root, 'content/people'), { recursive: true });
  for (let p = 0; p < PEOPLE; p++) {
    writeFileSync(join(root, 'content/people', `${personId(p)}.yaml`),
      `name: ${FIRST[p % FIRST.length]} ${LAST[(p * 7) % LAST.length]}\ntitle: Account Manager\nteam: ${pick(OFFERINGS)}\n${p > 0 ? `manager: ${personId(Math.floor((p - 1) / 5))}\n` : ''}`);
  }
  for (let i = 0; i < plans; i++) {
    const id = planId(i);
    const owner = personId(int(0, PEOPLE - 1));
    const person = () => personId(int(0, PEOPLE - 1));
    const lines: string[] = ['---'];
    const account = `${pick(LAST)} ${pick(SECTORS)} ${i}`;
    lines.push(`account: ${q(account)}`, `summary: ${q(`Synthetic account ${i} for benchmarks: ${pick(VERBS).toLowerCase()} the ${pick(NOUNS)}.`)}`,
      `status: active`, `tier: ${pick(['strategic', 'key', 'growth', 'maintain'])}`, `owner: ${owner}`,
      `period: { start: 2026-01-01, end: 2028-12-31 }`,
      `review: { cadence: quarterly, last: 2026-09-15, next: ${date(2027, int(1, 3))} }`,
      `industry: ${pick(SECTORS)}`, `region: ${pick(REGIONS)}`, `tags: [synthetic, ${pick(['north', 'south', 'east', 'west'])}]`);
    if (i > 0 && i % 10 !== 0) lines.push(`parent: ${planId(i - (i % 10))}`);
    lines.push(`related: [${planId((i + 1) % plans)}]`,
      `mission: ${q('Be the partner this client calls first for the work that matters most to it.')}`,
      `strategy: ${q('Deliver the current programme well, widen into the next practice, and build relationships beyond our sponsor.')}`,
      'team:', `  - { person: ${owner}, role: Account manager, allocation: 1 }`,
      'selection:', ...[30, 30, 20, 20].map((w, k) => `  - { criterion: Criterion ${k + 1}, weight: ${w}, score: ${int(1, 5)} }`),
      'goals:');
    for (let g = 0; g < 10; g++) {
      const dueMonth = [3, 6, 6, 12, 12, 18, 24, 24, 30, 36][g];
      const due = dueMonth >= 36 ? '2028-12-31' : date(2026 + Math.floor(dueMonth / 12), (dueMonth % 12) + 1, 1);
      const deps = g >= 3 && g % 3 === 0 ? `, dependsOn: [goal-${g - 3}]` : '';
      // Most goals already due are done; the rest are overdue, as in a real portfolio.
      const status = due < TODAY && rnd() < 0.85 ? 'done' : pick(GOAL_STATUSES);
      lines.push(`  - { id: goal-${g}, title: ${q(`${pick(VERBS)} the ${pick(NOUNS)} for ${pick(UNITS)}`)}, due: ${due}, owner: ${person()}, status: ${status}, perspective: ${pick(PERSPECTIVES)}${deps} }`);
    }
    lines.push('stakeholders:');
    for (let s = 0; s < 15; s++) {
      const reports = s > 0 ? `, reportsTo: stakeholder-${Math.floor((s - 1) / 3)}` : '';
      const influences = s > 3 && s % 4 === 0 ? `, influences: [stakeholder-${s - 2}]` : '';
      lines.push(`  - { id: stakeholder-${s}, name: ${q(`${pick(FIRST)} ${pick(LAST)}`)}, title: ${q(`Head of ${pick(UNITS)}`)}, role: ${pick(ROLES)}, influence: ${pick(INFLUENCES)}, stance: ${pick(STANCES)}, owner: ${person()}${reports}${influences} }`);
    }
    lines.push('scorecard:');
    for (let m = 0; m < 12; m++) {
      const target = int(50, 150);
      // One plan in twenty has a measure nobody updated for two review cycles.
      const stale = m === 0 && rnd() < 0.05;
      lines.push(`  - id: measure-${m}`, `    perspective: ${PERSPECTIVES[m % 5]}`, `    measure: ${q(`Measure ${m} of ${pick(UNITS)}`)}`,
        `    unit: '%'`, `    target: ${target}`, `    actual: ${target + int(-30, 10)}`, `    direction: ${m % 4 === 0 ? 'lower' : 'higher'}`,
        `    asOf: ${stale ? '2026-04-01' : '2026-11-01'}`, '    history:', ...(stale ? [1, 2, 3] : [5, 6, 7, 8]).map((mo) => `      - { date: ${date(2026, mo, 1)}, value: ${target + int(-40, 10)} }`));
    }
    lines.push('risks:');
    for (let r = 0; r < 8; r++) {
      lines.push(`  - { id: risk-${r}, title: ${q(`The ${pick(NOUNS)} slips`)}, category: ${pick(['account', 'contract', 'delivery', 'relationship'])}, likelihood: ${int(1, 5)}, impact: ${int(1, 5)}, mitigation: Plan early, owner: ${person()}, status: ${pick(['open', 'mitigating', 'closed'])} }`);
    }
    lines.push('actions:');
    for (let a = 0; a < 20; a++) {
      const deps = a > 0 && a % 5 === 0 ? `, dependsOn: [action-${a - 1}]` : '';
      // The first two actions were due this autumn: mostly done, some overdue.
      const due = a < 2 ? date(2026, 9 + a, 20) : date(2027, (a % 12) + 1, 20);
      const status = a < 2 && rnd() < 0.9 ? 'done' : pick(ACTION_STATUSES);
      lines.push(`  - { id: action-${a}, title: ${q(`${pick(VERBS)} ${pick(NOUNS)} step ${a}`)}, goal: goal-${a % 10}, owner: ${person()}, due: ${due}, status: ${status}, effort: ${int(1, 20)}${deps} }`);
    }
    lines.push('opportunities:');
    for (let o = 0; o < 4; o++) {
      lines.push(`  - { id: opportunity-${o}, title: ${q(`${pick(NOUNS)} for ${UNITS[o]}`)}, unit: ${UNITS[o]}, offering: ${OFFERINGS[o]}, status: ${pick(['deployed', 'open', 'competitor'])}, value: ${int(10, 900) * 1000} }`);
    }
    lines.push('competitors:', `  - { id: competitor-0, name: Rival ${i}, position: incumbent, share: ${int(10, 60)} }`, '---', '');
    // About 3 KB of narrative with every kind of cross-link and one mermaid block.
    const paragraph = (k: number) => `${pick(FIRST)} from ${pick(UNITS)} asked us to look again at the ${pick(NOUNS)}. `
      + `This ties to [](#goal-${k % 10}) and to [the work with our sister account](plan:${planId((i + k + 1) % plans)}), `
      + `and [](person:${person()}) will follow up with [](#stakeholder-${k % 15}). `
      + 'The numbers are moving the right way but the margin is thin, and the next quarter decides whether the programme keeps its budget. '
      + 'We agreed a short list of decisions for the next planning meeting and a clear owner for each of them.';
    // Written without drawing on the random numbers, so everything else is the same with or without them.
    const components = options.components ? {
      decision: ['<Callout kind="decision">', '', '**Decision needed:** do we fund the next phase before the review, or wait for the client\'s budget?', '', '</Callout>', ''],
      measure: [`Where it matters most, <Measure id="measure-${i % 12}" />.`, ''],
      actions: [`The actions that serve [](#goal-${(i + 1) % 10}):`, '', `<Actions goal="goal-${(i + 1) % 10}" />`, ''],
    } : { decision: [], measure: [], actions: [] };
    const paragraphs = (from: number, count: number) => Array.from({ length: count }, (_, k) => [paragraph(from + k), '']).flat();
    lines.push('## Context', '', ...paragraphs(1, 6), ...components.decision, '## Where we stand', '', ...paragraphs(7, 4), ...components.measure, ...paragraphs(11, 1),
      '```mermaid', 'flowchart LR', `  brief[Brief ${i}] --> pitch[Pitch] --> contract[Contract]`, '  contract --> delivery[Delivery]', '```', '',
      '## What we will do', '', ...paragraphs(12, 3), ...components.actions, ...paragraphs(15, 3), '## Notes from the last review', '', ...paragraphs(18, 4));
    writeFileSync(join(root, 'content/plans', `${id}.mdx`), lines.join('\n'));
  }
}
