import type { ChangeEvent } from 'react';

/** The value and change handler of a text field kept in React state (`value`, `set`): spread it on a Mantine input. */
export function textInput(value: string, set: (value: string) => void) {
  return { value, onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(e.currentTarget.value) };
}
