/**
 * Renders a lab guide (labs/<id>.md): CommonMark (no GFM tables) with $inline$ and $$display$$
 * math typeset by KaTeX. Raw HTML in the markdown is not rendered (skipHtml), so a guide cannot
 * inject markup. Course syntax on top (see src/components/quiz/README.md):
 *   ```quiz … ```   checks of understanding (Quiz)
 *   [[MAC]]          a glossary term (GlossaryTerm)
 *   [Set up this exercise](#/lab?key=value)   an exercise preset link (CourseLink)
 *   ```challenge-composer```   the instructor's challenge composer
 */
import { memo, useMemo, type ReactNode } from 'react';
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

/**
 * A guide cut before each `#`, `##` and `###` heading outside fenced blocks. The guides define no
 * reference links or footnotes (which would need the whole document), so each part parses on its own.
 */
export function guideSections(text: string): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (fence === null || (f[0] === fence[0] && f.length >= fence.length))) fence = fence === null ? f : null;
    else if (fence === null && /^#{1,3}\s/.test(line) && current.some((l) => l.trim() !== '')) {
      parts.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  if (current.some((l) => l.trim() !== '')) parts.push(current.join('\n'));
  return parts;
}

/** One piece of markdown with the guide's plugins and components (a section, or a whole text). */
export const MarkdownPart = memo(function MarkdownPart({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={REHYPE_PLUGINS} components={COMPONENTS} skipHtml>
      {text}
    </ReactMarkdown>
  );
});

// Memoised: parsing and typesetting a guide takes 100-300 ms, so it must not rerun when the page
// around it re-renders (e.g. with every training event). One component per section: rendered in a
// transition (Guide.tsx), React yields to the page between sections instead of blocking it for the
// whole guide at once.
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const sections = useMemo(() => guideSections(text), [text]);
  return (
    <div className="markdown">
      {sections.map((s, i) => (
        <MarkdownPart key={i} text={s} />
      ))}
    </div>
  );
});
