/**
 * The check's findings for tools: one JSON object per finding, and SARIF 2.1.0
 * (GitHub code scanning, editors' SARIF viewers). Both carry the rule id, so a
 * pipeline counts, filters and escalates by rule without reading a sentence.
 */
import { formatGithub, formatIssue, type Issue } from './issue.ts';
import { RULES, ruleById, type Rule } from './rule-registry.ts';

export const FORMATS = ['text', 'github', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

/** The findings in `format`, as the whole text of stdout or the output file. */
export function renderFindings(issues: readonly Issue[], format: Format, tool: { version: string }): string {
  switch (format) {
    case 'text': return issues.map((i) => `${formatIssue(i)}\n`).join('');
    case 'github': return issues.map((i) => `${formatGithub(i)}\n`).join('');
    case 'json': return `${JSON.stringify(issues.map(jsonFinding), null, 2)}\n`;
    case 'sarif': return `${JSON.stringify(sarifLog(issues, tool), null, 2)}\n`;
  }
}

/** One finding as `--format json` prints it. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Issue['severity'];
  /** `goals[1].owner`; empty for a problem with the whole file. */
  field: string;
  rule: Issue['rule'];
  message: string;
  /** How to fix a finding of this rule (the message itself names the likely fix, e.g. a did-you-mean). */
  suggestion: string;
}

export function jsonFinding(issue: Issue): JsonFinding {
  return {
    file: issue.file,
    line: issue.line,
    column: issue.column,
    ...(issue.endLine === undefined ? {} : { endLine: issue.endLine }),
    ...(issue.endColumn === undefined ? {} : { endColumn: issue.endColumn }),
    severity: issue.severity,
    field: issue.field,
    rule: issue.rule,
    message: issue.message,
    suggestion: ruleById(issue.rule)!.fix,
  };
}

/** Reads `--format json` output back into findings; throws on anything else. */
export function findingsFromJson(text: string): Issue[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error('expected a JSON array of findings');
  return parsed.map((entry: JsonFinding, i) => {
    if (!ruleById(entry?.rule)) throw new Error(`finding ${i}: unknown rule ${JSON.stringify(entry?.rule)}`);
    const { suggestion: _, ...issue } = entry;
    return issue;
  });
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function sarifLog(issues: readonly Issue[], tool: { version: string }) {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Keyplan',
          version: tool.version,
          rules: RULES.map(sarifRule),
        },
      },
      originalUriBaseIds: { PROJECTROOT: { description: { text: 'The project root, holding content/.' } } },
      results: issues.map((issue) => ({
        ruleId: issue.rule,
        ruleIndex: index.get(issue.rule)!,
        level: issue.severity,
        message: { text: issue.field ? `${issue.field}: ${issue.message}` : issue.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: fileUri(issue.file), uriBaseId: 'PROJECTROOT' },
            region: {
              startLine: issue.line,
              startColumn: issue.column,
              ...(issue.endLine === undefined ? {} : { endLine: issue.endLine }),
              ...(issue.endColumn === undefined ? {} : { endColumn: issue.endColumn }),
            },
          },
        }],
        ...(issue.field ? { properties: { field: issue.field } } : {}),
      })),
    }],
  };
}

function sarifRule(rule: Rule) {
  const example = `Instead of:\n\n${indent(rule.example.before)}\n\nwrite:\n\n${indent(rule.example.after)}`;
  return {
    id: rule.id,
    name: rule.id.slice('keyplan/'.length).replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} ${rule.fix}` },
    help: {
      text: `${rule.fix}\n\n${example}`,
      markdown: `${rule.fix}\n\nInstead of:\n\n\`\`\`yaml\n${rule.example.before}\n\`\`\`\n\nwrite:\n\n\`\`\`yaml\n${rule.example.after}\n\`\`\``,
    },
    defaultConfiguration: { level: rule.severity },
  };
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

/** A path with spaces ("Acme Bank.mdx") as a URI reference. */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
