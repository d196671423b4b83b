// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import keyplan from './plugins/keyplan.ts';

export default defineConfig({
  // site: 'https://plans.example.com', // the site's address: absolute links in the calendars and the change feed
  integrations: [
    mdx(),
    keyplan({
      title: 'Halden & Rowe account plans',
      currency: 'EUR',
      // base: '/plans-site/',   // serve under an intranet sub-path (or set KEYPLAN_BASE)
      // today: '2026-11-25',    // pin "today" for reproducible builds (or set KEYPLAN_TODAY)
    }),
  ],
});
