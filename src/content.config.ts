/**
 * Plans and people as content collections, for editors: the schemas give the
 * Astro extension completion and checks in plan frontmatter (see
 * src/content/files-loader.ts). The site itself reads the checked content from the
 * integration, never from these collections.
 */
import { defineCollection } from 'astro:content';
import site from 'virtual:keyplan/config';
import { filesLoader } from '../src/content/files-loader.ts';
import { personSchema } from './schema/person.ts';
import { planSchema } from './schema/plan.ts';

export const collections = {
  plans: defineCollection({ loader: filesLoader('plans'), schema: planSchema(site.perspectives) }),
  people: defineCollection({ loader: filesLoader('people'), schema: personSchema }),
};
