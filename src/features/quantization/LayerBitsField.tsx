/** "Bits per layer": mixed-precision weight bits as layer:bits pairs, validated by the settings field. */
import { useEffect, useId, useState } from 'react';
import { quantizationSettings } from '../../store/quantization';

const field = quantizationSettings.fields.qLayerBits;

export function LayerBitsField({ value, layers, onChange }: { value: Record<string, number>; layers: string[]; onChange(v: Record<string, number>): void }) {
  const id = useId();
  const hintId = useId();
  const [text, setText] = useState(field.serialise(value));
  useEffect(() => setText((t) => (field.serialise(field.parse(t) ?? {}) === field.serialise(value) ? t : field.serialise(value))), [value]);
  const parsed = field.parse(text);
  const unknown = parsed ? Object.keys(parsed).filter((k) => !layers.includes(k)) : [];
  const invalid = parsed === undefined || unknown.length > 0;
  return (
    <div className="field field-wide">
      <label htmlFor={id}>Bits per layer</label>
      <input id={id} type="text" value={text} placeholder={layers.slice(0, 2).map((l) => `${l}:4`).join(',')} aria-invalid={invalid}
        aria-describedby={hintId}
        onChange={(e) => {
          setText(e.target.value);
          const p = field.parse(e.target.value);
          if (p && Object.keys(p).every((k) => layers.includes(k))) onChange(p);
        }} />
      <small id={hintId} className={invalid ? 'field-error' : 'field-hint'}>
        {unknown.length ? `no layer named ${unknown.join(', ')}` : invalid ? `expected ${field.describe}` : 'weight bits of named layers (PTQ and QAT); the others use "Weight bits"'}
      </small>
    </div>
  );
}
