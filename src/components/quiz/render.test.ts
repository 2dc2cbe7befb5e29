/** The guide renderer's course syntax, rendered to static HTML through the real pipeline. */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown } from '../Markdown';

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('guide renderer with course syntax', () => {
  it('renders a quiz block as the "Check your understanding" region with inputs', () => {
    const html = render(
      'Intro.\n\n```quiz\nq: Loss of a uniform guess over $10$ classes?\n- [ ] 0\n- [x] ln 10\nwhy: $-\\log(1/10)$.\n\nq: Steps per epoch at batch 32?\nanswer: 250\nwhy: 8000 / 32.\n```\n',
    );
    expect(html).toContain('Check your understanding');
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toContain('type="number"');
    expect(html).toContain('Check answers');
    expect(html).toContain('aria-label="Score"');
    expect(html).toContain('class="katex"'); // maths inside a question is typeset
    expect(html).not.toContain('language-quiz');
  });

  it('never renders raw HTML, in the guide or in a quiz', () => {
    const html = render('Text <img src=x onerror="alert(1)"> more.\n\n```quiz\nq: <b>bold</b>?\n- [x] a\n- [ ] b\nwhy: c\n```\n');
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('raw HTML is not allowed');
  });

  it('keeps other code blocks as code and links glossary terms', () => {
    const html = render('A [[MAC]] and a [[nonexistent term]].\n\n```ts\nconst x = 1;\n```\n');
    expect(html).toMatch(/<button[^>]*class="glossary-term"[^>]*>MAC<\/button>/);
    expect(html).toContain('role="tooltip"');
    expect(html).toContain('nonexistent term');
    expect(html.match(/glossary-term/g)).toHaveLength(1);
    expect(html).toContain('<pre><code class="language-ts">');
  });

  it('marks exercise preset links', () => {
    const html = render('[Set up this exercise](#/pruning?prTarget=90&prFineTune=0)');
    expect(html).toContain('class="exercise-link"');
    expect(html).toContain('href="#/pruning?prTarget=90&amp;prFineTune=0"');
  });
});
