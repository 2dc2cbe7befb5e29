// @vitest-environment jsdom
/** A guide rendered section by section is the same document as the guide rendered whole. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { guideSections, Markdown, MarkdownPart } from './Markdown';

const dir = join(__dirname, '../../labs');
const guides = readdirSync(dir).filter((f) => f.endsWith('.md'));
// Block boundaries differ only in the newline text nodes between sections, and React's useId values
// in the shape of the tree: ids are renumbered in order of first appearance.
function html(el: React.ReactElement): string {
  const ids = new Map<string, string>();
  return renderToStaticMarkup(<MemoryRouter>{el}</MemoryRouter>)
    .replace(/>\s+</g, '><')
    .replace(/_R_\w+?_/g, (id) => ids.get(id) ?? (ids.set(id, `id${ids.size}`), `id${ids.size - 1}`));
}

describe('guideSections', () => {
  it('cuts before #, ## and ### headings, never inside a fenced block, and loses nothing', () => {
    const text = ['intro', '', '## One', 'a', '```quiz', '## not a heading', '```', '#### Four stays', '### Three', '# Two', 'b'].join('\n');
    const parts = guideSections(text);
    expect(parts).toEqual(['intro\n', '## One\na\n```quiz\n## not a heading\n```\n#### Four stays', '### Three', '# Two\nb']);
    expect(parts.join('\n')).toBe(text);
  });

  it('a ~~~ fence is not closed by ```', () => {
    expect(guideSections('~~~\n```\n## in code\n~~~\n## Out')).toEqual(['~~~\n```\n## in code\n~~~', '## Out']);
  });
});

describe('every lab guide', () => {
  it('there are guides to check', () => {
    expect(guides.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of guides) {
    it(`${file}: several sections, the same HTML as one whole render`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const sections = guideSections(text);
      expect(sections.length).toBeGreaterThan(1);
      expect(sections.join('\n')).toBe(text);
      const whole = html(<div className="markdown"><MarkdownPart text={text} /></div>);
      expect(whole.length).toBeGreaterThan(1000);
      expect(html(<Markdown text={text} />)).toBe(whole);
    });
  }
});
