/**
 * Renders a lab guide (labs/<id>.md): CommonMark (no GFM tables) with $inline$ and $$display$$
 * math typeset by KaTeX. Raw HTML in the markdown is not rendered (skipHtml), so a guide cannot
 * inject markup. Course syntax on top (see src/components/quiz/README.md):
 *   ```quiz … ```   checks of understanding (Quiz)
 *   [[MAC]]          a glossary term (GlossaryTerm)
 *   [Set up this exercise](#/lab?key=value)   an exercise preset link (CourseLink)
 *   ```challenge-composer```   the instructor's challenge composer
 */
import { memo, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import 'katex/dist/katex.min.css';
import { Quiz } from './quiz/Quiz';
import { ChallengeComposer } from './challenges/ChallengeComposer';
import { COURSE_COMPONENTS, REHYPE_PLUGINS, REMARK_PLUGINS } from './quiz/markdown-parts';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

/** The language and source of a fenced block (```quiz → "quiz"). */
function fenced(pre: HastNode | undefined): { lang?: string; source: string } {
  const code = pre?.children?.find((c) => c.tagName === 'code');
  const cls = code?.properties?.className;
  const lang = Array.isArray(cls) ? cls.map(String).find((c) => c.startsWith('language-'))?.slice(9) : undefined;
  return { lang, source: (code?.children ?? []).map((c) => c.value ?? '').join('') };
}

const COMPONENTS: Components = {
  // The page owns the only <h1>; a guide's headings sit one level below it.
  h1: 'h2',
  h2: 'h3',
  h3: 'h4',
  h4: 'h5',
  h5: 'h6',
  ...COURSE_COMPONENTS,
  pre: ({ node, children, ...rest }: { node?: HastNode; children?: ReactNode }) => {
    const { lang, source } = fenced(node);
    if (lang === 'quiz') return <Quiz source={source} />;
    if (lang === 'challenge-composer') return <ChallengeComposer />;
    return <pre {...rest}>{children}</pre>;
  },
};

// Memoised: parsing and typesetting a guide takes ~100 ms, so it must not rerun when the page
// around it re-renders (e.g. with every training event).
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={REHYPE_PLUGINS} components={COMPONENTS} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
});
