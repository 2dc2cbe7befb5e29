/**
 * Sensible default: a student who already has a saved baseline should not have to wait minutes for
 * the teacher CNN before the first Distill. When a baseline exists, the teacher CNN is not trained and
 * the link did not ask for it (`kdTeacher=zoo`), the teacher becomes the saved baseline — once per
 * visit, so choosing "Teacher CNN" afterwards sticks.
 */
import { useEffect, useRef, useState } from 'react';
import { useBaseline } from '../../store/baseline';
import { distillationSettings, useDistillation } from '../../store/distillation';
import type { Values } from '../../store/settings-schema';
import { readHashQuery } from '../../store/use-lab-settings';

type Settings = Values<(typeof distillationSettings)['fields']>;

export function useBaselineTeacher(v: Settings, update: (p: Partial<Settings>) => void): boolean {
  const [linkAsked] = useState(() => readHashQuery().kdTeacher === 'zoo');
  const baseline = useBaseline((s) => s.baseline);
  const zooTrained = useDistillation((s) => Boolean(s.teacher.zoo));
  const done = useRef(false);
  const [switched, setSwitched] = useState(false);
  useEffect(() => {
    if (done.current || linkAsked || !baseline || zooTrained || v.kdTeacher !== 'zoo') return;
    done.current = true;
    setSwitched(true);
    update({ kdTeacher: 'baseline' });
  }, [baseline, zooTrained, v.kdTeacher, linkAsked, update]);
  return switched && v.kdTeacher === 'baseline';
}
