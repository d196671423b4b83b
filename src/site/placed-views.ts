/**
 * A plan's body on its page: which placed view stands in for its section (the
 * first one that shows everything the section would: no filter written), and
 * the anchor each block view gets, for the section's pointer to link to.
 * Only the view that stands in carries the items' anchors (`#goal-id`); a
 * filtered copy would repeat them.
 */
import { componentSpec, isFiltered, type BlockViewName, type PlacedView } from '../body/components.ts';
import type { BodyParts } from '../body/parts.ts';

export interface ViewOnPage extends PlacedView {
  /** The id of the view's root element (block views). */
  anchor?: string;
  /** Drawn here instead of in its section: it carries the items' anchors. */
  standsIn: boolean;
}

export interface BodyOnPage {
  parts: readonly (string | ViewOnPage)[];
  /** The anchor of the view standing in for each view a section would draw. */
  standIns: ReadonlyMap<BlockViewName, string>;
}

export function bodyOnPage(parts: BodyParts): BodyOnPage {
  const standIns = new Map<BlockViewName, string>();
  const seen = new Map<string, number>();
  const placed = parts.map((part): string | ViewOnPage => {
    if (typeof part === 'string') return part;
    const spec = componentSpec(part.name);
    if (spec.shape !== 'block') return { ...part, standsIn: false };
    const n = (seen.get(spec.view) ?? 0) + 1;
    seen.set(spec.view, n);
    const anchor = `view_${spec.view}${n > 1 ? `_${n}` : ''}`;
    const name = part.name as BlockViewName;
    const standsIn = !isFiltered(part) && !standIns.has(name);
    if (standsIn) standIns.set(name, anchor);
    return { ...part, anchor, standsIn };
  });
  return { parts: placed, standIns };
}

/** The HTML id prefix of a view's drawings (patterns, markers): unique in the page. */
export function drawingId(anchor: string | undefined, fallback: string): string {
  return anchor ? `kp-${anchor}` : fallback;
}
