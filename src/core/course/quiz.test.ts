import { describe, expect, it } from 'vitest';
import { isCorrect, parseAnswer, parseQuiz, readNumber, scoreQuiz, speakable } from './quiz';

const SAMPLE = `
q: A model that guesses uniformly over ten digits has what loss?
- [ ] 0
- [x] $\\ln 10 \\approx 2.30$
- [ ] 10
why: Uniform guessing gives $p_y = 1/10$,
so $-\\log p_y = \\ln 10$.

q: How many steps make one epoch
at batch size 32?
answer: 250 ± 1
unit: steps
why: $8000 / 32 = 250$.

predict: Prune to 95 % without fine-tuning: what happens?
- [x] Accuracy drops by several points
- [ ] It stays within 0.1 points
run: [Set up this exercise](#/pruning?prTarget=95), press Prune.
why: Too many weights that matter are removed.
`;

describe('parseQuiz', () => {
  it('reads choice, numeric and predict questions with continuation lines', () => {
    const { questions, errors } = parseQuiz(SAMPLE);
    expect(errors).toEqual([]);
    expect(questions.map((q) => q.kind)).toEqual(['choice', 'number', 'predict']);
    const [a, b, c] = questions;
    expect(a.options.map((o) => o.correct)).toEqual([false, true, false]);
    expect(a.why).toBe('Uniform guessing gives $p_y = 1/10$, so $-\\log p_y = \\ln 10$.');
    expect(b.text).toBe('How many steps make one epoch at batch size 32?');
    expect(b.answer).toBe(250);
    expect(b.tolerance).toBe(1);
    expect(b.unit).toBe('steps');
    expect(c.run).toContain('#/pruning?prTarget=95');
    // Ids are stable per question text and distinct.
    expect(new Set(questions.map((q) => q.id)).size).toBe(3);
    expect(parseQuiz(SAMPLE).questions[1].id).toBe(b.id);
  });

  it('rejects raw HTML anywhere in the block', () => {
    for (const html of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!-- hidden -->', '</div>']) {
      const { errors } = parseQuiz(`q: Which? ${html}\n- [x] a\n- [ ] b\nwhy: because`);
      expect(errors.some((e) => /raw HTML/.test(e)), html).toBe(true);
    }
    // A comparison inside maths is not HTML.
    expect(parseQuiz('q: Is $a < b$ when $b > a$?\n- [x] yes\n- [ ] no\nwhy: same statement').errors).toEqual([]);
  });

  it('reports malformed questions by line', () => {
    expect(parseQuiz('q: no options\nwhy: x').errors[0]).toMatch(/line 1: needs at least two options/);
    expect(parseQuiz('q: two right\n- [x] a\n- [x] b\nwhy: x').errors[0]).toMatch(/exactly one correct/);
    expect(parseQuiz('q: no why\n- [x] a\n- [ ] b').errors[0]).toMatch(/missing "why:"/);
    expect(parseQuiz('predict: no run\n- [x] a\n- [ ] b\nwhy: x').errors[0]).toMatch(/needs a "run:"/);
    expect(parseQuiz('q: bad\nanswer: lots\nwhy: x').errors[0]).toMatch(/not a number/);
    expect(parseQuiz('stray text').errors[0]).toMatch(/before the first/);
    expect(parseQuiz('').errors).toEqual(['the quiz has no questions']);
    // A bad question is dropped, the good one kept.
    const mixed = parseQuiz('q: ok\n- [x] a\n- [ ] b\nwhy: x\n\nq: bad\nwhy: y');
    expect(mixed.questions).toHaveLength(1);
    expect(mixed.errors).toHaveLength(1);
  });
});

describe('answers and scores', () => {
  it('parses tolerances, absolute and relative', () => {
    expect(parseAnswer('250')?.answer).toBe(250);
    expect(parseAnswer('250')?.tolerance).toBeCloseTo(250e-9, 15);
    expect(parseAnswer('0.5 +- 0.05')).toEqual({ answer: 0.5, tolerance: 0.05 });
    expect(parseAnswer('200 ± 5 %')).toEqual({ answer: 200, tolerance: 10 });
    expect(parseAnswer('abc')).toBeUndefined();
    expect(readNumber(' 2.5 % ')).toBe(2.5);
    expect(readNumber('2,5')).toBeUndefined();
    expect(readNumber('')).toBeUndefined();
  });

  it('scores right and wrong responses', () => {
    const { questions } = parseQuiz(SAMPLE);
    expect(isCorrect(questions[0], 1)).toBe(true);
    expect(isCorrect(questions[0], 0)).toBe(false);
    expect(isCorrect(questions[0], undefined)).toBe(false);
    expect(isCorrect(questions[1], '251')).toBe(true);
    expect(isCorrect(questions[1], '252')).toBe(false);
    expect(isCorrect(questions[1], 'two hundred')).toBe(false);
    expect(scoreQuiz(questions, [1, '250', 1])).toEqual({ correct: 2, total: 3, results: [true, true, false] });
    expect(scoreQuiz(questions, []).correct).toBe(0);
  });
});

describe('speakable', () => {
  it('reads typeset maths as plain text', () => {
    expect(speakable('$|w \\cdot \\partial L / \\partial w|$')).toBe('|w · ∂ L / ∂ w|');
    expect(speakable('$\\ln 10 \\approx 2.30$')).toBe('ln 10 ≈ 2.30');
    expect(speakable('the mean absolute input $\\overline{|x|}$')).toBe('the mean absolute input mean |x|');
    expect(speakable('$s/2$')).toBe('s/2');
    expect(speakable('$\\frac{1}{T}$')).toBe('1/T');
  });
});
