/**
 * remark plugin: `[[MAC]]` or `[[MAC|multiply-accumulates]]` (term, then the text shown, as in a
 * wiki) in a guide becomes a glossary term,
 * rendered by the guide's `dfn` component (GlossaryTerm) as a button that shows the definition on
 * hover and focus. Only this plugin produces <dfn>: raw HTML in a guide is never rendered.
 * Text inside code and maths is left alone (the walker only visits mdast "text" nodes).
 */

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

export const TERM_LINK = /\[\[([^[\]|]+?)(?:\|([^[\]|]+?))?\]\]/g;

/** Splits a text into plain pieces and term references: "a [[MAC]] b" → ["a ", {MAC}, " b"]. */
export function splitTerms(text: string): (string | { shown: string; term: string })[] {
  const out: (string | { shown: string; term: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(TERM_LINK)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ term: m[1].trim(), shown: (m[2] ?? m[1]).trim() });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function termNode(shown: string, term: string): MdNode {
  return {
    type: 'glossaryTerm',
    data: { hName: 'dfn', hProperties: { dataTerm: term }, hChildren: [{ type: 'text', value: shown }] },
  };
}

function transform(node: MdNode): void {
  if (!node.children) return;
  const next: MdNode[] = [];
  for (const child of node.children) {
    if (child.type === 'text' && child.value?.includes('[[')) {
      for (const piece of splitTerms(child.value)) {
        next.push(typeof piece === 'string' ? { type: 'text', value: piece } : termNode(piece.shown, piece.term));
      }
    } else {
      transform(child);
      next.push(child);
    }
  }
  node.children = next;
}

export function remarkGlossary() {
  return (tree: MdNode) => transform(tree);
}
