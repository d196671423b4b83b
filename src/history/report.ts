/** Plan changes as Markdown, ready to post as a pull-request comment. */
import { digestLines, isEmptyDigest, type Digest } from './digest.ts';

export type PlanChange =
  | { kind: 'changed'; file: string; account: string; digest: Digest }
  | { kind: 'added'; file: string; account: string; digest: Digest }
  | { kind: 'removed'; file: string; account: string }
  | { kind: 'unreadable'; file: string; side: 'before' | 'after' };

export function changesMarkdown(ref: string, changes: readonly PlanChange[], personName?: (id: string) => string): string {
  const lines = [`## Account plan changes since \`${ref}\``, ''];
  if (changes.length === 0) {
    lines.push('No plan changed.');
    return `${lines.join('\n')}\n`;
  }
  for (const change of changes) {
    switch (change.kind) {
      case 'removed':
        lines.push(`### Removed: ${change.account}`, '', `\`${change.file}\` was deleted.`, '');
        break;
      case 'unreadable':
        lines.push(`### \`${change.file}\``, '', change.side === 'after'
          ? 'This version does not pass the checker: run `npm run check` for the exact problems.'
          : `The version at \`${ref}\` could not be read, so no comparison is possible.`, '');
        break;
      default: {
        lines.push(`### ${change.kind === 'added' ? 'New plan: ' : ''}${change.account}`, '', `\`${change.file}\``, '');
        if (isEmptyDigest(change.digest)) {
          lines.push('No goal, measure, risk, stakeholder or action changed (the narrative or other fields may have).', '');
          break;
        }
        for (const section of digestLines(change.digest, personName)) {
          lines.push(`**${section.section}**`, '', ...section.lines.map((l) => `- ${l}`), '');
        }
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
