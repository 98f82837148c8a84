import { useState } from 'react';
import { fromVnDate, fromVnTime, toVnDate } from '../i18n/vnDate';

interface TextFieldProps {
  /** The value as the form keeps it; '' when empty. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  testId?: string;
  'aria-label'?: string;
}

/**
 * A text field showing `format(value)` that reports `parse(text)` when the text is complete and
 * valid (and '' when emptied), and marks itself invalid meanwhile. A new value from outside
 * replaces what is typed.
 */
function FormattedField({
  value,
  onChange,
  format,
  parse,
  placeholder,
  size,
  required,
  testId,
  'aria-label': ariaLabel,
}: TextFieldProps & { format: (value: string) => string; parse: (text: string) => string | undefined; placeholder: string; size: number }) {
  const [typed, setTyped] = useState({ text: format(value), shownValue: value });
  // The value changed elsewhere (loaded, reset): show it, unless it is what is typed.
  if (typed.shownValue !== value) setTyped({ text: parse(typed.text) === value ? typed.text : format(value), shownValue: value });
  const valid = typed.text.trim() === '' ? !required : parse(typed.text) !== undefined;
  return (
    <input
      type="text"
      inputMode="numeric"
      className="date-field"
      value={typed.text}
      placeholder={placeholder}
      size={size}
      required={required}
      aria-invalid={!valid}
      aria-label={ariaLabel}
      data-testid={testId}
      onChange={(e) => {
        const text = e.target.value;
        setTyped({ text, shownValue: value });
        const parsed = text.trim() === '' ? '' : parse(text);
        if (parsed !== undefined && parsed !== value) onChange(parsed);
      }}
    />
  );
}

/** A date typed as dd/mm/yyyy whatever the browser's locale; the form keeps `yyyy-mm-dd`. */
export function DateField(props: TextFieldProps) {
  return <FormattedField {...props} format={toVnDate} parse={fromVnDate} placeholder="dd/mm/yyyy" size={10} />;
}

/** A date and a 24-hour time (dd/mm/yyyy HH:mm); the form keeps `yyyy-mm-ddTHH:mm` (a datetime-local value). */
export function DateTimeField({ value, onChange, required, testId }: TextFieldProps) {
  const [date = '', time = ''] = value.split('T');
  // Only a complete date and time is a value; a half-typed one keeps the last (the field shows it invalid).
  const join = (d: string, t: string) => {
    if (d && t) onChange(`${d}T${t}`);
  };
  return (
    <span className="date-time-field">
      <DateField value={date} onChange={(d) => join(d, time)} required={required} testId={testId && `${testId}-date`} />{' '}
      <FormattedField
        value={time}
        onChange={(t) => join(date, t)}
        format={(v) => v}
        parse={fromVnTime}
        placeholder="HH:mm"
        size={5}
        required={required}
        testId={testId && `${testId}-time`}
      />
    </span>
  );
}
