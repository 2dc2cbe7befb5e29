/**
 * Checks of understanding, written in a guide as a fenced ```quiz block and parsed here (pure: no
 * React, no DOM). The syntax is line based, so a guide author needs no JSON:
 *
 *   q: A model that guesses uniformly over ten digits has what loss?       ← multiple choice
 *   - [ ] 0
 *   - [x] $\ln 10 \approx 2.30$
 *   why: Uniform guessing gives $p_y = 1/10$, so $-\log p_y = \ln 10$.
 *
 *   q: How many gradient steps make one epoch at batch size 32?            ← numeric
 *   answer: 250 ± 1
 *   unit: steps
 *   why: $8000 / 32 = 250$.
 *
 *   predict: Prune to 95 % without fine-tuning: what happens to accuracy?  ← predict, then run
 *   - [x] It drops by several points
 *   - [ ] It stays within 0.1 points
 *   run: [Set up this exercise](#/pruning?prTarget=95&prFineTune=0), press Prune.
 *   why: …
 *
 * A question starts at `q:` or `predict:`; lines that start with no keyword continue the field
 * above them. Text fields are inline markdown (maths, links, [[glossary]] terms). Raw HTML is
 * rejected: the guide renderer never renders HTML, and a quiz must not be a way around that.
 */

export type QuestionKind = 'choice' | 'number' | 'predict';

export interface ChoiceOption {
  text: string;
  correct: boolean;
}

export interface Question {
  /** Stable id (hash of the question text), so progress survives edits of other questions. */
  id: string;
  kind: QuestionKind;
  text: string;
  /** choice / predict: the options, at least two, exactly one correct. */
  options: ChoiceOption[];
  /** number: the expected value and the accepted absolute tolerance. */
  answer?: number;
  tolerance?: number;
  unit?: string;
  /** predict: what to do on the page after predicting. */
  run?: string;
  why: string;
}

export interface ParsedQuiz {
  questions: Question[];
  /** One message per problem, with its line number; a quiz with errors is not shown. */
  errors: string[];
}

// Any tag-like text: <b>, </div>, <!-- -->, <script …>. Inline maths uses "<" only with spaces
// around it ($a < b$), which this does not match.
const RAW_HTML = /<\/?[a-z!][^<>]*>/i;

/** djb2 over the text: short, stable ids without a crypto dependency. */
export function questionId(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return `q${h.toString(36)}`;
}

/** "250", "250 ± 1", "0.5 +- 0.05", "2.3 ± 2 %" (relative) → value and absolute tolerance. */
export function parseAnswer(text: string): { answer: number; tolerance: number } | undefined {
  const m = /^\s*(-?[\d.]+(?:e-?\d+)?)\s*(?:(?:±|\+-|\+\/-)\s*([\d.]+(?:e-?\d+)?)\s*(%)?)?\s*$/i.exec(text);
  if (!m) return undefined;
  const answer = Number(m[1]);
  if (!Number.isFinite(answer)) return undefined;
  let tolerance = m[2] === undefined ? Math.abs(answer) * 1e-9 : Number(m[2]);
  if (!Number.isFinite(tolerance)) return undefined;
  if (m[3]) tolerance = (Math.abs(answer) * tolerance) / 100;
  return { answer, tolerance };
}

const KEY = /^(q|predict|why|answer|unit|run):\s*(.*)$/;
const OPTION = /^-\s*\[( |x|X)\]\s+(.*)$/;

interface Draft {
  line: number;
  kind: 'choice' | 'predict';
  text: string;
  options: ChoiceOption[];
  answerText?: string;
  unit?: string;
  run?: string;
  why: string;
}

export function parseQuiz(source: string): ParsedQuiz {
  const errors: string[] = [];
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  // Which text a continuation line appends to.
  let append: ((more: string) => void) | null = null;

  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (RAW_HTML.test(line)) {
      errors.push(`line ${n}: raw HTML is not allowed in a quiz`);
      return;
    }
    if (line === '') {
      append = null;
      return;
    }
    const key = KEY.exec(line);
    const option = OPTION.exec(line);
    if (key && (key[1] === 'q' || key[1] === 'predict')) {
      const d: Draft = { line: n, kind: key[1] === 'q' ? 'choice' : 'predict', text: key[2], options: [], why: '' };
      current = d;
      drafts.push(d);
      append = (more) => (d.text += ` ${more}`);
      return;
    }
    const d = current as Draft | null;
    if (!d) {
      errors.push(`line ${n}: text before the first "q:" or "predict:"`);
      return;
    }
    if (option) {
      const o: ChoiceOption = { text: option[2], correct: option[1] !== ' ' };
      d.options.push(o);
      append = (more) => (o.text += ` ${more}`);
    } else if (key) {
      const [, k, v] = key;
      if (k === 'why') {
        d.why = v;
        append = (more) => (d.why += ` ${more}`);
      } else if (k === 'run') {
        d.run = v;
        append = (more) => (d.run += ` ${more}`);
      } else if (k === 'answer') {
        d.answerText = v;
        append = null;
      } else {
        d.unit = v;
        append = null;
      }
    } else if (append) {
      (append as (more: string) => void)(line);
    } else {
      errors.push(`line ${n}: "${line.slice(0, 30)}" belongs to no field (start it with q:, predict:, - [ ], answer:, unit:, run: or why:)`);
    }
  });

  const questions: Question[] = [];
  for (const d of drafts) {
    const where = `question at line ${d.line}`;
    const before = errors.length;
    if (d.text.trim() === '') errors.push(`${where}: empty question`);
    if (d.why.trim() === '') errors.push(`${where}: missing "why:" (every check explains its answer)`);
    let answer: { answer: number; tolerance: number } | undefined;
    if (d.answerText !== undefined) {
      answer = parseAnswer(d.answerText);
      if (!answer) errors.push(`${where}: answer "${d.answerText}" is not a number (e.g. "250" or "250 ± 1")`);
      if (d.options.length > 0) errors.push(`${where}: has both options and a numeric answer`);
    } else if (d.options.length < 2) {
      errors.push(`${where}: needs at least two options or an "answer:"`);
    } else if (d.options.filter((o) => o.correct).length !== 1) {
      errors.push(`${where}: needs exactly one correct option ("- [x]")`);
    }
    if (d.kind === 'predict' && !d.run) errors.push(`${where}: a "predict:" question needs a "run:" line`);
    if (errors.length > before) continue;
    questions.push({
      id: questionId(d.text),
      kind: answer ? (d.kind === 'predict' ? 'predict' : 'number') : d.kind,
      text: d.text,
      options: d.options,
      answer: answer?.answer,
      tolerance: answer?.tolerance,
      unit: d.unit,
      run: d.run,
      why: d.why,
    });
  }
  if (drafts.length === 0 && errors.length === 0) errors.push('the quiz has no questions');
  return { questions, errors };
}

/** The learner's answer to one question: an option index, or the text typed in a number field. */
export type Response = number | string | undefined;

/** Reads "250", " 2.5 ", "2.5 %" as a number; undefined for anything else. */
export function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s*%$/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

export function isCorrect(q: Question, r: Response): boolean {
  if (r === undefined) return false;
  if (q.answer !== undefined) {
    const v = typeof r === 'string' ? readNumber(r) : undefined;
    return v !== undefined && Math.abs(v - q.answer) <= (q.tolerance ?? 0);
  }
  return typeof r === 'number' && q.options[r]?.correct === true;
}

export interface QuizScore {
  correct: number;
  total: number;
  /** Per question, in order. */
  results: boolean[];
}

export function scoreQuiz(questions: Question[], responses: Response[]): QuizScore {
  const results = questions.map((q, i) => isCorrect(q, responses[i]));
  return { correct: results.filter(Boolean).length, total: questions.length, results };
}

/**
 * A plain-text reading of inline markdown with TeX, for accessible names where the visible text is
 * typeset maths (KaTeX's MathML is not used by every accessible-name computation):
 * "$|w \cdot \partial L / \partial w|$" → "|w · ∂ L / ∂ w|".
 */
export function speakable(text: string): string {
  const SYMBOLS: Record<string, string> = { cdot: '·', partial: '∂', approx: '≈', le: '≤', ge: '≥', times: '×', ln: 'ln', log: 'log', alpha: 'α', beta: 'β', eta: 'η', theta: 'θ' };
  return text
    .replace(/\$/g, '')
    .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '$1/$2')
    .replace(/\\(?:operatorname|mathrm|text)\{([^{}]*)\}/g, '$1')
    .replace(/\\overline\{([^{}]*)\}/g, 'mean $1')
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => SYMBOLS[name] ?? name)
    .replace(/\\[,;!]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
