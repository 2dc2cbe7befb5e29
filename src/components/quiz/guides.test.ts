/**
 * Every guide's course syntax is valid: its checks parse (no raw HTML, one right answer, an
 * explanation), every [[term]] is in the glossary, and every in-app link carries settings that the
 * target lab's schema accepts — so "Set up this exercise" never lands on a "not valid" notice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuiz } from '../../core/course/quiz';
import { lookupTerm } from '../../core/course/glossary';
import { decode, type Fields, type SettingsSchema } from '../../store/settings-schema';
import { pruningSettings } from '../../store/pruning';
import { quantizationSettings } from '../../store/quantization';
import { distillationSettings } from '../../store/distillation';
import { nasSettings } from '../../store/nas';
import { deviceSettings } from '../../store/device';
import { trainSettings } from '../../store/train-settings';
import { TERM_LINK } from '../glossary/remark-glossary';
import { parseChallengeLink } from '../../core/challenges/link';

const LABS_DIR = join(process.cwd(), 'labs');
const guides = readdirSync(LABS_DIR).filter((f) => f.endsWith('.md'));
const read = (f: string) => readFileSync(join(LABS_DIR, f), 'utf8');

// The guides this engineer wrote checks for; guides added later get theirs from their authors.
const WITH_CHECKS = ['train', 'pruning', 'quantization', 'distillation', 'nas', 'devices'];

const SCHEMAS: Record<string, SettingsSchema<Fields>[]> = {
  train: [trainSettings as unknown as SettingsSchema<Fields>],
  pruning: [pruningSettings as unknown as SettingsSchema<Fields>],
  quantization: [quantizationSettings as unknown as SettingsSchema<Fields>],
  distillation: [distillationSettings as unknown as SettingsSchema<Fields>],
  nas: [nasSettings as unknown as SettingsSchema<Fields>],
  devices: [],
};

function quizBlocks(md: string): string[] {
  return [...md.matchAll(/^```quiz\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}

describe.each(guides)('guide %s', (file) => {
  const md = read(file);
  const id = file.replace(/\.md$/, '');

  it('has checks that parse, with enough of them', () => {
    const blocks = quizBlocks(md);
    const parsed = blocks.map(parseQuiz);
    expect(parsed.flatMap((p) => p.errors)).toEqual([]);
    const n = parsed.reduce((sum, p) => sum + p.questions.length, 0);
    if (WITH_CHECKS.includes(id)) {
      expect(n).toBeGreaterThanOrEqual(5);
      expect(parsed.flatMap((p) => p.questions).some((q) => q.kind === 'predict')).toBe(true);
      expect(parsed.flatMap((p) => p.questions).some((q) => q.kind === 'number')).toBe(true);
      expect(md).toMatch(/^\*\*Prerequisites:\*\*/m);
      expect(md).toMatch(/^## (Learning objectives|Goals)$/m);
      expect(md).toMatch(/^## Summary$/m);
    }
  });

  it('links only glossary terms that exist', () => {
    const missing = [...md.matchAll(TERM_LINK)].map((m) => m[1].trim()).filter((t) => !lookupTerm(t));
    expect(missing).toEqual([]);
  });

  it('has in-app links whose settings the target lab accepts', () => {
    const links = [...md.matchAll(/\]\((#\/[^)\s]+)\)/g)].map((m) => m[1]);
    for (const link of links) {
      const [, lab, query = ''] = /^#\/([\w-]+)\??(.*)$/.exec(link)!;
      const params = Object.fromEntries(new URLSearchParams(query));
      const challenge = params.challenge;
      delete params.challenge;
      if (challenge !== undefined) expect(parseChallengeLink(challenge), link).toBeTruthy();
      const own = SCHEMAS[lab];
      if (!own) continue; // labs written by others: their own tests check their links
      // Every lab page also reads the device panel's settings (target=…) from its link.
      const schemas = [...own, deviceSettings as unknown as SettingsSchema<Fields>];
      const known = new Set(schemas.flatMap((s) => Object.keys(s.fields)));
      expect(Object.keys(params).filter((k) => !known.has(k)), link).toEqual([]);
      for (const s of schemas) expect(decode(s, params).rejected, link).toEqual([]);
    }
  });
});
