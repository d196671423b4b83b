/**
 * The content collections: plans and people, loaded from what the Keyplan
 * integration has already checked. The schemas are declared here for Astro's
 * types; the data was validated against the same schemas before loading.
 */
import { defineCollection } from 'astro:content';
import site from 'virtual:keyplan/config';
import { keyplanLoader } from '../plugins/loader.ts';
import { personSchema } from './schema/person.ts';
import { planSchema } from './schema/plan.ts';

export const collections = {
  plans: defineCollection({ loader: keyplanLoader('plans'), schema: planSchema(site.perspectives) }),
  people: defineCollection({ loader: keyplanLoader('people'), schema: personSchema }),
  /** Headings and links of each plan's body, for backlinks; computed by the checker. */
  outlines: defineCollection({ loader: keyplanLoader('outlines') }),
  /** Diagrams rendered at build time, by the hash of their source. */
  diagrams: defineCollection({ loader: keyplanLoader('diagrams') }),
  /** Each plan's changes since its last review, and when its file last changed (git). */
  history: defineCollection({ loader: keyplanLoader('history') }),
};
