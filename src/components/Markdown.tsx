/**
 * Renders a lab guide (labs/<id>.md): CommonMark (no GFM tables) with $inline$ and $$display$$
 * math typeset by KaTeX. Raw HTML in the markdown is not rendered (react-markdown's default), so a
 * guide cannot inject markup.
 */
import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import 'katex/dist/katex.min.css';

// The page owns the only <h1>; a guide's headings sit one level below it.
const DEMOTE: Components = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' };

// Memoised: parsing and typesetting a guide takes ~100 ms, so it must not rerun when the page
// around it re-renders (e.g. with every training event).
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkMath]} rehypePlugins={[rehypeKatex]} components={DEMOTE} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
});
