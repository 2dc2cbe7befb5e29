import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { remarkGlossary, splitTerms } from './remark-glossary';

describe('remarkGlossary', () => {
  it('splits term references', () => {
    expect(splitTerms('a [[MAC]] b [[zero point|zero points]].')).toEqual([
      'a ',
      { term: 'MAC', shown: 'MAC' },
      ' b ',
      { term: 'zero point', shown: 'zero points' },
      '.',
    ]);
    expect(splitTerms('no terms [x]')).toEqual(['no terms [x]']);
  });

  it('turns [[term]] in text into dfn nodes and leaves code alone', () => {
    const tree = fromMarkdown('Count [[MAC]]s, not `[[MAC]]`.');
    remarkGlossary()(tree as never);
    const para = (tree as unknown as { children: { children: { type: string; value?: string; data?: { hProperties: object } }[] }[] }).children[0];
    expect(para.children.map((c) => c.type)).toEqual(['text', 'glossaryTerm', 'text', 'inlineCode', 'text']);
    expect(para.children[1].data?.hProperties).toEqual({ dataTerm: 'MAC' });
    expect(para.children[3].value).toBe('[[MAC]]');
  });
});
