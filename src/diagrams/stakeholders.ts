/**
 * The stakeholder map of a plan: an org chart of the reporting lines with
 * informal influence drawn over it (src/diagrams/org-chart.ts), drawn as SVG
 * at build time without a browser. Each box says name, title, role,
 * influence, stance, our owner and the depth of our relationship, and flags
 * what a reviewer must act on; shape repeats stance and border weight
 * influence, so nothing depends on colour.
 */
import { STANCES, type Stakeholder } from '../schema/stakeholder.ts';
import { layoutOrgChart, type OrgChartLayout, type OrgPerson } from './org-chart.ts';
import { BORDER_WIDTHS, orgChartSvg, shapePath, STANCE_COLOURS, STANCE_SHAPE_WORDS } from './org-chart-svg.ts';
import { escapeXml } from './place.ts';

/** A stakeholder as the map needs one: the schema's fields and whether contact is overdue. */
export type MappedStakeholder = Stakeholder & { contactOverdue?: boolean };

const ROLE_WORDS: Record<Stakeholder['role'], string> = {
  'decision-maker': 'Decision maker', approver: 'Approver', evaluator: 'Evaluator', influencer: 'Influencer',
  user: 'User', gatekeeper: 'Gatekeeper', coach: 'Coach',
};
const RELATIONSHIP_WORDS: Record<NonNullable<Stakeholder['relationship']>, string> = {
  none: 'no relationship', vendor: 'vendor', credible: 'credible', 'problem-solver': 'problem solver', 'trusted-advisor': 'trusted advisor',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const strong = (s: Stakeholder) => s.influence === 'high' || s.influence === 'decisive';

export interface StakeholderMap {
  layout: OrgChartLayout;
  title: string;
  description: string;
  /** The words of the map, one line a person, for search and screen readers. */
  text: string[];
}

export function stakeholderMap(account: string, stakeholders: readonly MappedStakeholder[],
  personName: (id: string) => string | undefined): StakeholderMap | undefined {
  if (stakeholders.length === 0) return undefined;
  const ids = new Set(stakeholders.map((s) => s.id));
  const people: OrgPerson[] = stakeholders.map((s) => {
    const owner = s.owner ? `Owner: ${personName(s.owner) ?? s.owner}` : 'No owner';
    const relationship = s.relationship ? `, ${RELATIONSHIP_WORDS[s.relationship]}` : '';
    const flags = [
      ...(strong(s) && !s.owner ? [`⚠ ${capital(s.influence)} influence, no owner`] : []),
      ...(s.contactOverdue ? ['⚠ Contact overdue'] : []),
    ];
    return {
      id: s.id,
      name: s.name,
      details: [s.title, `${ROLE_WORDS[s.role]}, ${s.influence} influence`, capital(s.stance), `${owner}${relationship}`],
      flags,
      stance: s.stance,
      influence: s.influence,
      reportsTo: s.reportsTo && ids.has(s.reportsTo) ? s.reportsTo : undefined,
      influences: (s.influences ?? []).filter((i) => ids.has(i)),
    };
  });
  const layout = layoutOrgChart(people);
  const title = `Stakeholders of ${account}`;
  const reporting = people.filter((p) => p.reportsTo).length;
  const influence = layout.influence.length;
  const description = reporting === 0
    ? `${people.length} client stakeholders with no reporting lines, most influential first, and ${plural(influence, 'line')} of informal influence (dashed arrows).`
    : `${people.length} client stakeholders as an org chart: each below the person they report to (${plural(reporting, 'reporting line')}), `
      + `and ${plural(influence, 'line')} of informal influence (dashed arrows).`;
  const text = people.map((p) => [p.name, ...p.details, ...p.flags.map((f) => f.replace(/^⚠ /, ''))].join('; ')
    + (p.reportsTo ? `; reports to ${stakeholders.find((s) => s.id === p.reportsTo)!.name}` : '')
    + (p.influences.length ? `; influences ${p.influences.map((i) => stakeholders.find((s) => s.id === i)!.name).join(', ')}` : ''));
  return {
    layout,
    title,
    description: `${description} Each box gives name, title, role, influence, stance, our owner and relationship; `
      + 'the shape shows the stance (rounded ends champion, rounded corners supporter, square neutral, pointed sides skeptic, cut corners blocker) '
      + 'and a heavier border more influence.',
    text,
  };
}

function swatch(content: string, width = 34): string {
  return `<svg width="${width}" height="20" viewBox="0 0 ${width} 20" aria-hidden="true">${content}</svg>`;
}

/** The legend, as HTML that wraps on a narrow screen. */
function legendHtml(id: string, layout: OrgChartLayout): string {
  const items: string[] = [];
  if (layout.reporting.length) items.push(`${swatch('<path d="M4 2V10H30V18" fill="none" stroke="#424a53" stroke-width="1.5"/>')} reports to (manager above)`);
  if (layout.influence.length) {
    items.push(`${swatch(`<defs><marker id="${id}-legend-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 0L10 5L0 10Z" fill="#6639ba"/></marker></defs>`
      + `<path d="M2 10H30" stroke="#6639ba" stroke-width="2" stroke-dasharray="6 4" marker-end="url(#${id}-legend-arrow)"/>`)} influences`);
  }
  for (const stance of STANCES) {
    const c = STANCE_COLOURS[stance];
    items.push(`${swatch(`<path d="${shapePath(stance, 1, 1, 32, 18)}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"/>`)} ${stance} (${STANCE_SHAPE_WORDS[stance]})`);
  }
  items.push(`${swatch(`<path d="M2 2H32V18H2Z" fill="#fff" stroke="#57606a" stroke-width="${BORDER_WIDTHS.low}"/>`)}${swatch(`<path d="M3 3H31V17H3Z" fill="#fff" stroke="#57606a" stroke-width="${BORDER_WIDTHS.high}"/>`)} heavier border, more influence`);
  items.push('<span class="org-flag" aria-hidden="true">⚠</span> to act on: high influence with no owner, contact overdue');
  return `<ul class="org-legend">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** The printed column (A4 or Letter less 12 mm margins) and the length of a page kept free for a turned map, in mm. */
const PRINT_COLUMN_MM = 180;
const PRINT_LENGTH_MM = 250;

/** The map on a page: legend, the chart (scrolling sideways at full size where it is wider than the column), and its words. */
export function stakeholderMapHtml(map: StakeholderMap, id: string): string {
  const words = `<ul class="visually-hidden">${map.text.map((t) => `<li>${escapeXml(t)}</li>`).join('')}</ul>`;
  const { width, height } = map.layout;
  // On paper (A4 or Letter, 12 mm margins: 186 × 250 mm kept free), a map wider than the column is turned a quarter,
  // its width along the page's height, at full size or as near as the page allows.
  const px = 25.4 / 96;
  const turned = width * px > PRINT_COLUMN_MM;
  const printWidth = Math.min(width * px, PRINT_LENGTH_MM, (PRINT_COLUMN_MM * width) / height);
  const style = turned ? ` style="--print-width: ${printWidth.toFixed(1)}mm; --print-height: ${((printWidth * height) / width).toFixed(1)}mm"` : '';
  return `<figure class="org-chart${turned ? ' org-rotate' : ''}"${style}>${legendHtml(id, map.layout)}`
    + `<section class="org-scroll" tabindex="0" aria-label="${escapeXml(map.title)}, scrolls sideways">${orgChartSvg(map.layout, id, map.title, map.description)}</section>`
    + `${words}</figure>`;
}
