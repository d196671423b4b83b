/**
 * The rendered-body cache across builds: a new process takes an unchanged body
 * from disk, and renders only what is not there yet.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyRenderer } from '../../plugins/body/renderer.ts';
import { markdownPipeline, SYNTAX_HIGHLIGHT } from '../../plugins/body/pipeline.ts';
import { bodyHtml } from '../../src/body/parts.ts';
import { outlineBody } from '../../src/links/outline.ts';
import type { LinkTargets } from '../../src/links/resolve.ts';
import type { CheckedPlan } from '../../src/validate/check.ts';

const root = mkdtempSync(join(tmpdir(), 'keyplan-bodies-'));
const cacheDir = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const targets: LinkTargets = { base: '/', plans: new Map(), people: new Map(), restricted: new Set() } as unknown as LinkTargets;

function job(id: string, body: string) {
  const plan = { id, source: { file: `content/plans/${id}.mdx`, body, hash: body }, outline: outlineBody(body, 1) } as unknown as CheckedPlan;
  return { page: `plans/${id}/`, plan, inputs: { links: targets, diagrams: new Map<string, string>() } };
}

/** A renderer as a new build process makes it. */
async function build() {
  const bodies = new BodyRenderer({ root, cacheDir, processor: 'satteri' });
  bodies.use(await (await markdownPipeline('satteri', bodies.inputs)).createRenderer({ syntaxHighlight: SYNTAX_HIGHLIGHT }));
  return bodies;
}

describe('rendered bodies across builds', () => {
  const a = job('acme', '## Where we stand\n\nThe **renewal** is due in March.\n');
  const b = job('brixton', '## Goals\n\n- Win the media brief\n');

  it('renders each body once, takes it from disk in the next build, and renders only a body that is new', async () => {
    const first = await (await build()).renderAll([a, b]);
    expect(first.rendered).toBe(2);
    expect(readdirSync(cacheDir)).toHaveLength(2);
    expect(bodyHtml(first.bodies.get('plans/acme/')!)).toContain('<strong>renewal</strong>');

    const second = await (await build()).renderAll([a, b]);
    expect(second.rendered).toBe(0);
    expect(second.bodies.get('plans/acme/')).toEqual(first.bodies.get('plans/acme/'));

    const edited = job('brixton', '## Goals\n\n- Win the media brief\n- Keep the CRM work\n');
    const third = await (await build()).renderAll([a, edited]);
    expect(third.rendered).toBe(1);
    expect(bodyHtml(third.bodies.get('plans/brixton/')!)).toContain('Keep the CRM work');
  });
});
