/** The key a diagram is stored under in the `diagrams` collection: a hash of its source, computable by any page. */
import { createHash } from 'node:crypto';

export function sourceKey(source: string): string {
  // Markdown hands over a block with or without its last newline, depending on who reads it.
  return createHash('sha1').update(source.trimEnd()).digest('hex');
}
