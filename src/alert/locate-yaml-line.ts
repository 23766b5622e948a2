/**
 * Line numbers for config error messages: maps a field path (`alerts.rules[2].notify[0]`)
 * back to the line of vigie.yaml it came from.
 * @module
 */
import { LineCounter, isNode, parseDocument } from 'yaml';

export type LineLocator = (path: readonly (string | number)[]) => number | undefined;

/** A locator over YAML source text; paths absent from the text (env overrides) give undefined. */
export function createYamlLineLocator(text: string): LineLocator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (path) => {
    // The deepest node present: a bad list item may be a scalar whose parent has the range.
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node: unknown = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}
