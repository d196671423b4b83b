/**
 * Plan frontmatter: `content/plans/<plan-id>.mdx`. The perspectives are the
 * site's, so the schema is built from them.
 */
import { z } from 'zod';
import { actionSchema } from './action.ts';
import { goalSchema } from './goal.ts';
import { DEFAULT_PERSPECTIVES, measureSchema } from './measure.ts';
import { competitorSchema, opportunitySchema } from './opportunity.ts';
import { calendarDate, describeValue, id, intBetween, money, numberBetween, text } from './primitives.ts';
import { riskSchema } from './risk.ts';
import { stakeholderSchema } from './stakeholder.ts';

export const PLAN_STATUSES = ['draft', 'active', 'under-review', 'suspended', 'discontinued'] as const;
export const TIERS = ['strategic', 'key', 'growth', 'maintain'] as const;
export const CADENCES = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export const TRIGGERS = ['satisfaction-survey', 'swot', 'performance', 'client-contact', 'relationship',
  'sales', 'review', 'market', 'competitor', 'contract', 'organisation', 'other'] as const;
export const SUMMARY_MAX = 280;

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

function criteriaCount(issue: { input?: unknown }): string {
  const count = Array.isArray(issue.input) ? issue.input.length : 0;
  return `has ${count} ${count === 1 ? 'criterion' : 'criteria'}; list 3 to 8`;
}

export function planSchema(perspectives: readonly string[] = DEFAULT_PERSPECTIVES) {
  const perspective = z.enum(perspectives as [string, ...string[]]);
  return z.strictObject({
    account: text().describe('The client\'s display name'),
    summary: text().check((ctx) => {
      // Characters as a reader sees them: "é" written as e + accent, or an emoji, counts once.
      const length = [...GRAPHEMES.segment(ctx.value)].length;
      if (length > SUMMARY_MAX) {
        ctx.issues.push({ code: 'custom', input: ctx.value,
          message: `is ${length} characters long; keep it to ${SUMMARY_MAX} (move the detail to "strategy" or the body)` });
      }
    }).describe('One line for listings and search results, at most 280 characters'),
    status: z.enum(PLAN_STATUSES).describe('draft plans are left out of production builds'),
    tier: z.enum(TIERS).describe('How much the account is invested in'),
    owner: id('person').describe('Person id of the accountable account manager'),
    period: z.strictObject({
      start: calendarDate(),
      end: calendarDate(),
    }).describe('The horizon the plan covers'),
    review: z.strictObject({
      cadence: z.enum(CADENCES),
      last: calendarDate().optional().describe('The last planning meeting'),
      next: calendarDate().describe('The next planning meeting'),
      approvedBy: id('person').optional(),
      approvedOn: calendarDate().optional(),
    }).describe('Review cadence and dates'),
    industry: text().optional(),
    region: text().optional(),
    tags: z.array(text()).optional(),
    parent: id('plan').optional().describe('Plan id of the group or parent account'),
    related: z.array(id('plan')).optional().describe('Plan ids of sibling or partner accounts'),
    confidential: z.boolean({ error: (i) => `expected true or false, got ${describeValue(i.input)}` })
      .default(false).describe('Shorthand for audience: [confidential]: only that group may read the plan'),
    audience: z.array(id('group')).min(1, { error: 'lists no group; name at least one (e.g. [leadership]) or remove "audience"' })
      .optional().describe('Group ids who may read the plan; the plan is built into restricted/<group>/ only'),
    mission: text().optional(),
    strategy: text().optional(),
    team: z.array(z.strictObject({
      person: id('person'),
      role: text(),
      allocation: numberBetween(0, 100).optional().describe('% of their time'),
    })).optional().describe('Our people on the account'),
    profile: z.strictObject({
      revenue: money().optional(),
      employees: z.number().int({ error: 'must be a whole number' }).nonnegative({ error: 'must not be negative' }).optional(),
      headquarters: text().optional(),
      clientGoals: z.array(text()).optional(),
      painPoints: z.array(text()).optional(),
    }).optional().describe('Client profile'),
    selection: z.array(z.strictObject({
      criterion: text(),
      weight: z.number().nonnegative({ error: 'must not be negative' }),
      score: intBetween(1, 5),
    })).min(3, { error: criteriaCount }).max(8, { error: criteriaCount }).optional()
      .describe('Key-account selection criteria; weights sum to 100'),
    swot: z.strictObject({
      strengths: z.array(text()),
      weaknesses: z.array(text()),
      opportunities: z.array(text()),
      threats: z.array(text()),
    }).optional(),
    changes: z.array(z.strictObject({
      date: calendarDate(),
      trigger: z.enum(TRIGGERS),
      summary: text(),
    })).optional().describe('Re-planning log'),
    goals: z.array(goalSchema(perspective)).optional(),
    stakeholders: z.array(stakeholderSchema).optional(),
    scorecard: z.array(measureSchema(perspective)).optional(),
    risks: z.array(riskSchema).optional(),
    actions: z.array(actionSchema).optional(),
    opportunities: z.array(opportunitySchema).optional(),
    competitors: z.array(competitorSchema).optional(),
  }).transform(restrict);
}

/** The group `confidential: true` stands for. */
export const CONFIDENTIAL_GROUP = 'confidential';

/**
 * Decides once, as the plan is read, who may read it: `confidential: true`
 * means `audience: [confidential]` (added to an audience given beside it),
 * and every restricted plan reads as confidential downstream, so whatever
 * keeps a confidential plan's content off public pages keeps any restricted
 * plan's off too.
 */
function restrict<T extends { confidential: boolean; audience?: string[] }>(data: T): T {
  if (!data.confidential && !data.audience) return data;
  const audience = [...new Set([...(data.audience ?? []), ...(data.confidential ? [CONFIDENTIAL_GROUP] : [])])];
  return { ...data, confidential: true, audience };
}

export type PlanData = z.infer<ReturnType<typeof planSchema>>;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type Tier = (typeof TIERS)[number];
export type Cadence = (typeof CADENCES)[number];
