/**
 * The pieces the guide renderer and the quiz share: remark/rehype plugins and the components that
 * turn the course syntax ([[term]], exercise links) into UI. Kept in one place so a quiz's text
 * renders exactly like the guide around it.
 */
import type { Components, Options } from 'react-markdown';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkGlossary } from '../glossary/remark-glossary';
import { GlossaryTerm } from '../glossary/GlossaryTerm';
import { CourseLink } from './CourseLink';

export const REMARK_PLUGINS: Options['remarkPlugins'] = [remarkMath, remarkGlossary];
export const REHYPE_PLUGINS: Options['rehypePlugins'] = [rehypeKatex];

export const COURSE_COMPONENTS: Components = {
  a: CourseLink,
  dfn: ({ children, ...props }) => (
    <GlossaryTerm term={String((props as Record<string, unknown>)['data-term'] ?? children)}>{children}</GlossaryTerm>
  ),
};
