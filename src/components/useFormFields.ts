import { useState } from 'react';

/** Errors shown beside a form's fields, by field name; `_form` is the line above the button. */
export type FormErrors = Record<string, string>;

/**
 * A form's values and its errors. Editing a field clears the errors it names (its own, and any it
 * settles, such as the end time's when the start moves) and the form's.
 */
export function useFormFields<F>(initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const update = (patch: Partial<F>, ...clears: string[]) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setErrors((previous) => {
      const next = { ...previous };
      for (const key of [...clears, '_form']) delete next[key];
      return next;
    });
  };
  return { form, setForm, errors, setErrors, update };
}
