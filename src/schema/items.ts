/** The lists that hold a plan's items, what one item is called, and the field that names it. */
export const ITEM_LISTS = {
  goals: 'goal',
  stakeholders: 'stakeholder',
  scorecard: 'measure',
  risks: 'risk',
  actions: 'action',
  opportunities: 'opportunity',
  competitors: 'competitor',
} as const;
export type ItemList = keyof typeof ITEM_LISTS;
export type ItemKind = (typeof ITEM_LISTS)[ItemList];

/** The field each kind of item is known by on pages and in link text. */
export const ITEM_LABEL_FIELD = {
  goal: 'title',
  stakeholder: 'name',
  measure: 'measure',
  risk: 'title',
  action: 'title',
  opportunity: 'title',
  competitor: 'name',
} as const satisfies Record<ItemKind, string>;
