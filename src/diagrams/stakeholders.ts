/**
 * The stakeholder diagram of a plan, as mermaid flowchart source: the
 * reporting lines as an org chart (manager above), informal influence as
 * dashed arrows, and for each person their role, influence, stance and our
 * relationship owner, written out in the node and shown again by its shape
 * (stance) and border weight (influence), so nothing depends on colour.
 */
import type { Stakeholder } from '../schema/stakeholder.ts';
import { mermaidLabel, mermaidText } from './mermaid-text.ts';

export interface DiagramSource {
  source: string;
  title: string;
  description: string;
}

/** Node shape per stance: the opening and closing brackets of a mermaid node. */
export const STANCE_SHAPES = {
  champion: ['([', '])'],   // stadium
  supporter: ['(', ')'],    // rounded box
  neutral: ['[', ']'],      // box
  skeptic: ['{{', '}}'],    // hexagon
  blocker: ['[/', '\\]'],   // trapezoid
} as const;

const ROLE_WORDS: Record<Stakeholder['role'], string> = {
  'decision-maker': 'Decision maker', approver: 'Approver', evaluator: 'Evaluator', influencer: 'Influencer',
  user: 'User', gatekeeper: 'Gatekeeper', coach: 'Coach',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function stakeholderDiagram(account: string, stakeholders: readonly Stakeholder[],
  personName: (id: string) => string | undefined): DiagramSource | undefined {
  if (stakeholders.length === 0) return undefined;
  // Node ids are positions, never the writer's ids or names.
  const node = new Map(stakeholders.map((s, i) => [s.id, `s${i}`]));
  const title = `Stakeholders of ${account}`;
  const reporting = stakeholders.filter((s) => s.reportsTo && node.has(s.reportsTo)).length;
  const influence = stakeholders.reduce((n, s) => n + (s.influences ?? []).filter((i) => node.has(i)).length, 0);
  const description = `${stakeholders.length} client stakeholders, ${reporting} reporting lines (solid arrows from manager to report) `
    + `and ${influence} lines of informal influence (dashed). Each box gives name, title, role, influence, stance and our relationship owner; `
    + 'the shape shows the stance (rounded ends champion, rounded supporter, square neutral, hexagon skeptic, slanted blocker) '
    + 'and a heavier border high or decisive influence.';
  const lines = ['flowchart TB', `  accTitle: ${mermaidText(title)}`, `  accDescr: ${mermaidText(description)}`];
  for (const s of stakeholders) {
    const [open, close] = STANCE_SHAPES[s.stance];
    const owner = s.owner ? `Owner: ${personName(s.owner) ?? s.owner}` : 'No owner';
    const label = mermaidLabel([
      s.name,
      s.title,
      `${ROLE_WORDS[s.role]}, ${s.influence} influence`,
      `${capital(s.stance)}. ${owner}`,
    ]);
    lines.push(`  ${node.get(s.id)}${open}${label}${close}`);
  }
  for (const s of stakeholders) {
    if (s.reportsTo && node.has(s.reportsTo)) lines.push(`  ${node.get(s.reportsTo)} --> ${node.get(s.id)}`);
  }
  for (const s of stakeholders) {
    for (const other of s.influences ?? []) {
      if (node.has(other)) lines.push(`  ${node.get(s.id)} -.->|influences| ${node.get(other)}`);
    }
  }
  // Colour only repeats what the words and shapes say.
  lines.push(
    '  classDef champion fill:#dafbe1,stroke:#1a7f37,color:#0d3d1d',
    '  classDef supporter fill:#eef9f0,stroke:#1a7f37,color:#0d3d1d',
    '  classDef neutral fill:#f4f6f8,stroke:#57606a,color:#1b1f24',
    '  classDef skeptic fill:#fff1c2,stroke:#8a5a00,color:#3d2800',
    '  classDef blocker fill:#ffe2dd,stroke:#b42318,color:#4a0d07',
    '  classDef strong stroke-width:3px',
  );
  for (const stance of Object.keys(STANCE_SHAPES)) {
    const ids = stakeholders.filter((s) => s.stance === stance).map((s) => node.get(s.id));
    if (ids.length) lines.push(`  class ${ids.join(',')} ${stance}`);
  }
  const strong = stakeholders.filter((s) => s.influence === 'high' || s.influence === 'decisive').map((s) => node.get(s.id));
  if (strong.length) lines.push(`  class ${strong.join(',')} strong`);
  return { source: `${lines.join('\n')}\n`, title, description };
}
