/** Finds cycles in a directed graph, each reported once. */

export interface Edge<Ref> {
  from: string;
  to: string;
  /** Where the edge is written, for the message. */
  ref: Ref;
}

export interface Cycle<Ref> {
  /** The nodes in order from the closing edge's `from`, the first repeated at the end: a → b → a. */
  nodes: string[];
  /** The edge that closes the cycle. */
  closing: Edge<Ref>;
}

export function findCycles<Ref>(edges: readonly Edge<Ref>[]): Cycle<Ref>[] {
  const out = new Map<string, Edge<Ref>[]>();
  for (const edge of edges) {
    if (!out.has(edge.from)) out.set(edge.from, []);
    out.get(edge.from)!.push(edge);
  }
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: Cycle<Ref>[] = [];
  const seen = new Set<string>();

  // Iterative depth-first search: dependency chains in a big portfolio can be long.
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    const frames: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'active');
    stack.push(start);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const edgesOut = out.get(frame.node) ?? [];
      if (frame.next >= edgesOut.length) {
        state.set(frame.node, 'done');
        stack.pop();
        frames.pop();
        continue;
      }
      const edge = edgesOut[frame.next++];
      const to = state.get(edge.to);
      if (to === 'active') {
        // Start where the closing edge is written, so the message reads from the line it is on.
        const nodes = [edge.from, ...stack.slice(stack.lastIndexOf(edge.to))];
        const key = [...new Set(nodes)].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push({ nodes, closing: edge });
        }
      } else if (to === undefined) {
        state.set(edge.to, 'active');
        stack.push(edge.to);
        frames.push({ node: edge.to, next: 0 });
      }
    }
  }
  return cycles;
}
