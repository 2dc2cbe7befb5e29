/**
 * Sensible default: a student who already has a saved baseline should not have to wait minutes for
 * the teacher CNN before the first Distill. When a baseline exists and the teacher CNN is not trained,
 * the teacher becomes the saved baseline — once per page load (module state, because the page may
 * remount), so choosing "Teacher CNN" afterwards sticks. Only the default falls back: a link that
 * says `kdTeacher=zoo` (an instructor's choice) keeps the teacher CNN. The returned flag shows the
 * note saying so.
 */
import { useEffect, useState } from 'react';
import { useBaseline } from '../../store/baseline';
import { distillationSettings, useDistillation } from '../../store/distillation';
import type { Values } from '../../store/settings-schema';
import { setByLink } from '../../store/use-lab-settings';

type Settings = Values<(typeof distillationSettings)['fields']>;

let switchedThisLoad = false;

export function useBaselineTeacher(v: Settings, update: (p: Partial<Settings>) => void): boolean {
  const baseline = useBaseline((s) => s.baseline);
  const zooTrained = useDistillation((s) => Boolean(s.teacher.zoo));
  const [switched, setSwitched] = useState(switchedThisLoad);
  // A link's choice holds for the whole page load (the settings store remembers where values came from).
  const explicit = setByLink(distillationSettings.id, 'kdTeacher');
  useEffect(() => {
    if (switchedThisLoad || explicit || !baseline || zooTrained || v.kdTeacher !== 'zoo') return;
    switchedThisLoad = true;
    setSwitched(true);
    update({ kdTeacher: 'baseline' });
  }, [baseline, zooTrained, v.kdTeacher, update, explicit]);
  return switched && v.kdTeacher === 'baseline';
}
