/**
 * From files to a snapshot, for a build and for every dev refresh:
 * check → prepare (src/snapshot) → diagrams (Chromium) → bodies (the Markdown
 * processor) → git history → buildSnapshot. The effects live here; what is
 * decided, and the snapshot itself, are plain functions in src/.
 */
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { SiteConfig } from '../src/config/options.ts';
import { plansHistory } from '../src/history/since-review.ts';
import { planChanges } from '../src/history/changes.ts';
import { readHistory } from '../src/history/git.ts';
import { pruneCommittedPlans } from '../src/history/versions.ts';
import { FEED_ENTRIES } from '../src/subscribe/atom.ts';
import { checkContent, type CheckResult } from '../src/validate/check.ts';
import { buildSnapshot, prepare, type Snapshot } from '../src/snapshot/snapshot.ts';
import { DiagramRenderer } from '../src/diagrams/mermaid/renderer.ts';
import { renderDiagrams } from './diagrams.ts';
import { BodyRenderer } from './body/renderer.ts';
import { markdownPipeline, SYNTAX_HIGHLIGHT } from './body/pipeline.ts';

export class ContentPipeline {
  readonly renderer: DiagramRenderer;
  readonly #bodies: BodyRenderer;
  readonly #site: SiteConfig;
  readonly #root: string;
  readonly #dev: boolean;
  readonly #log: AstroIntegrationLogger;

  private constructor(site: SiteConfig, root: string, dev: boolean, log: AstroIntegrationLogger, bodies: BodyRenderer) {
    this.#site = site;
    this.#root = root;
    this.#dev = dev;
    this.#log = log;
    this.#bodies = bodies;
    this.renderer = new DiagramRenderer({ cacheDir: join(site.cacheDir, 'diagrams'), browserPath: site.chromium });
  }

  /** The pipeline and the Markdown processor it renders bodies with (Astro renders any other Markdown with it too). */
  static async create(site: SiteConfig, root: string, dev: boolean, log: AstroIntegrationLogger) {
    const bodies = new BodyRenderer({ root, cacheDir: join(site.cacheDir, 'bodies'), processor: site.markdown });
    const processor = await markdownPipeline(site.markdown, bodies.inputs);
    bodies.use(await processor.createRenderer({ syntaxHighlight: SYNTAX_HIGHLIGHT }));
    return { pipeline: new ContentPipeline(site, root, dev, log, bodies), processor };
  }

  /** Checks every file (unchanged ones come from the check cache). */
  check(): { result: CheckResult; ms: number } {
    const started = performance.now();
    const result = checkContent({ root: this.#root, today: this.#site.today, perspectives: this.#site.perspectives,
      cacheDir: this.#site.cacheDir, deferCacheWrite: this.#dev, rules: this.#site.rules });
    return { result, ms: Math.round(performance.now() - started) };
  }

  /** Everything the pages need from a checked content tree. */
  async snapshot(result: CheckResult): Promise<Snapshot> {
    const prepared = prepare(this.#site, result);
    const diagrams = await renderDiagrams(prepared, this.renderer, this.#log.fork('keyplan:diagrams'));
    const byId = new Map(prepared.shown.map((p) => [p.id, p]));
    const { bodies } = await this.#bodies.renderAll(prepared.views.flatMap(({ view, links }) => view.plans.map((id) => ({
      page: view.homes.get(id)!, plan: byId.get(id)!, inputs: { links, diagrams: diagrams.files },
    }))));
    // One read of git for the since-last-review digests and the change feed.
    const git = readHistory(this.#root, 'content/plans');
    const history = plansHistory(this.#root, prepared.shown.map((p) => ({ id: p.id, file: p.source.file, data: p.data! })),
      this.#site.today, this.#site.perspectives, git);
    // Each view's change feed names its own plans: the public one the open plans, an area's the area's.
    const changes = new Map(prepared.views.map(({ view }) => [view.prefix, planChanges(this.#root,
      view.plans.map((id) => ({ id, file: byId.get(id)!.source.file })), this.#site.perspectives, FEED_ENTRIES, git, view.area).changes]));
    // Old versions of plans read from git are kept for the next refresh, as far as this one used them.
    pruneCommittedPlans();
    return buildSnapshot(prepared, { diagrams: diagrams.files, diagramsOf: diagrams.of, bodies, history, changes, issues: diagrams.issues });
  }
}
