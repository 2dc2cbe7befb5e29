/**
 * Form controls with visible labels, bound to typed settings fields. Each control is findable by
 * getByLabel(label). NumberField keeps the text while you type and commits only valid values, so a
 * half-typed "0." never reaches the store; an invalid entry is marked and explained.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Field } from '../store/settings-schema';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  disabled?: boolean;
  hint?: ReactNode;
  /** Spans two columns of a field grid, for options whose text would be cut off in one. */
  wide?: boolean;
}

export function SelectField<T extends string>({ label, value, options, onChange, disabled, hint, wide }: SelectFieldProps<T>) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      )}
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  field: Field<number>;
  value: number;
  onChange(value: number): void;
  step?: number | 'any';
  disabled?: boolean;
}

export function NumberField({ label, field, value, onChange, step = 1, disabled }: NumberFieldProps) {
  const id = useId();
  const errId = useId();
  const [text, setText] = useState(field.serialise(value));
  // Follow outside changes (a pasted link, a reset) unless the text already means the same value.
  useEffect(() => {
    setText((t) => (field.parse(t) === value ? t : field.serialise(value)));
  }, [value, field]);
  const invalid = field.parse(text) === undefined;
  const ref = useRef<HTMLInputElement>(null);
  // The store keeps the last valid value while the text is invalid; marking the input invalid for the
  // browser stops a form from being submitted (Enter in the field) with a value other than the one shown.
  useEffect(() => {
    ref.current?.setCustomValidity(invalid ? `Expected ${field.describe}.` : '');
  }, [invalid, field]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        type="number"
        inputMode="decimal"
        step={step}
        value={text}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={invalid ? errId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = field.parse(e.target.value);
          if (v !== undefined) onChange(v);
        }}
        onBlur={() => setText(field.serialise(value))}
      />
      {invalid && (
        <small id={errId} className="field-error">
          Expected {field.describe}.
        </small>
      )}
    </div>
  );
}
