// @vitest-environment happy-dom
import { act, createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { DateField, DateTimeField } from './DateFields';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Types into an input as a person would: React hears the input event. */
function type(input: HTMLInputElement, text: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function mount(field: typeof DateField | typeof DateTimeField, initial: string) {
  const seen: string[] = [];
  function Form() {
    const [value, setValue] = useState(initial);
    return createElement(field, { value, onChange: (v: string) => (seen.push(v), setValue(v)), required: true });
  }
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(createElement(Form)));
  return { inputs: [...container.querySelectorAll('input')], seen, unmount: () => act(() => root.unmount()) };
}

describe('date fields in Vietnamese format whatever the browser’s locale', () => {
  it('shows dd/mm/yyyy, takes a typed Vietnamese date, and marks a half-typed one invalid', () => {
    const { inputs, seen, unmount } = mount(DateField, '2026-12-07');
    const [input] = inputs as [HTMLInputElement];
    expect(input.value).toBe('07/12/2026');
    expect(input.placeholder).toBe('dd/mm/yyyy');
    type(input, '10/12/20');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(seen).toEqual([]);
    type(input, '10/12/2026');
    expect(seen).toEqual(['2026-12-10']);
    expect(input.value).toBe('10/12/2026');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    unmount();
  });

  it('a date and a 24-hour time make one value', () => {
    const { inputs, seen, unmount } = mount(DateTimeField, '2026-12-07T08:00');
    const [date, time] = inputs as [HTMLInputElement, HTMLInputElement];
    expect([date.value, time.value]).toEqual(['07/12/2026', '08:00']);
    type(time, '14h30');
    type(date, '8/12/2026');
    expect(seen).toEqual(['2026-12-07T14:30', '2026-12-08T14:30']);
    unmount();
  });
});
