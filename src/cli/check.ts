/**
 * `npm run check [-- --format text|github|json|sarif] [--output FILE] [--root DIR]`:
 * checks every plan and person without building the site (./check-run.ts).
 * Exit 1 when there is an error, 2 on a mistake in the command or the options.
 *
 * Node strips the types of every TypeScript module it loads, on every run, and
 * its compile cache does not cover them: the checker's modules are bundled
 * into one plain JavaScript file once and run from it (./bundle.ts).
 */
import { importBundled } from './bundle.ts';

await importBundled(new URL('./check-run.ts', import.meta.url));
