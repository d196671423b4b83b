/**
 * Text inside a generated mermaid diagram. Every character that mermaid's
 * grammar could read as syntax (quotes, brackets, `#`, `-->`, `<`, `;`, …)
 * and every non-ASCII one (accents, CJK, right-to-left scripts) is written as
 * a numeric entity code, which mermaid turns back into that character as
 * text: a name can neither break the diagram nor inject markup into it.
 */

const SAFE = /[A-Za-z0-9 .,]/;

export function mermaidText(text: string): string {
  let out = '';
  for (const char of text.replace(/\s+/g, ' ').trim()) {
    out += SAFE.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}

/** A quoted node label of several lines. */
export function mermaidLabel(lines: readonly string[]): string {
  return `"${lines.filter((l) => l !== '').map(mermaidText).join('<br/>')}"`;
}
