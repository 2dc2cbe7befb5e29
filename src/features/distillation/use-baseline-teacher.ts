/**
 * Sensible default: a student who already has a saved baseline should not have to wait minutes for
 * the teacher CNN before the first Distill. When a baseline exists and the teacher CNN is not trained,
 * the teacher becomes the saved baseline — once per page load (module state, because the page may
 * remount), so choosing "Teacher CNN" afterwards sticks. The returned flag shows the note saying so.
 */
import { useEffect, useState } from 'react';
import { useBaseline } from '../../store/baseline';
import { distillationSettings, useDistillation } from '../../store/distillation';
import type { Values } from '../../store/settings-schema';

type Settings = Values<(typeof distillationSettings)['fields']>;

let switchedThisLoad = false;

export function useBaselineTeacher(v: Settings, update: (p: Partial<Settings>) => void): boolean {
  const baseline = useBaseline((s) => s.baseline);
  const zooTrained = useDistillation((s) => Boolean(s.teacher.zoo));
  const [switched, setSwitched] = useState(switchedThisLoad);
  useEffect(() => {
    if (switchedThisLoad || !baseline || zooTrained || v.kdTeacher !== 'zoo') return;
    switchedThisLoad = true;
    setSwitched(true);
    update({ kdTeacher: 'baseline' });
  }, [baseline, zooTrained, v.kdTeacher, update]);
  return switched && v.kdTeacher === 'baseline';
}
