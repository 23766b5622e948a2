/**
 * HTML → plain text on a server-side DOM (linkedom never runs scripts): scripts, styles and
 * embedded objects dropped, block elements become paragraph breaks, whitespace collapsed.
 * @module
 */
import { parseHTML } from 'linkedom';

const DROP =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, form, nav, footer, aside';
const BLOCK = new Set([
  'P',
  'DIV',
  'BR',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'UL',
  'OL',
  'TABLE',
  'FIGCAPTION',
  'DD',
  'DT',
]);

interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

/** Plain text of an HTML fragment or document. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return normaliseText(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  removeAll(document, DROP);
  return nodeToText(document.body as unknown as TextNodeLike);
}

/** Removes every element matching `selector` (scripts, styles…) from a linkedom document. */
export function removeAll(
  document: { querySelectorAll(selector: string): unknown },
  selector: string,
): void {
  for (const el of Array.from(document.querySelectorAll(selector) as ArrayLike<{ remove(): void }>))
    el.remove();
}

/** Text of a DOM node with paragraph breaks at block elements. */
export function nodeToText(root: TextNodeLike): string {
  const parts: string[] = [];
  const walk = (node: TextNodeLike): void => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const block = BLOCK.has(node.nodeName.toUpperCase());
    if (block) parts.push('\n\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return normaliseText(parts.join(''));
}

/** Collapses runs of spaces within lines and keeps single blank lines between paragraphs. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0\u200b]+/g, ' ')
    .split(/\n\s*\n+/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}
