import { useState } from 'react';

/** Errors shown beside a form's fields, by field name; `_form` is the line above the button. */
export type FormErrors = Record<string, string>;

/**
 * A form's errors by field and `clear`, which drops the errors it names (a field's own, and any
 * the edit settles) and always the form's line above the button.
 */
export function useFieldErrors<E extends Partial<Record<string, string>>>() {
  const [errors, setErrors] = useState<E>({} as E);
  const clear = (...fields: Array<keyof E & string>) =>
    setErrors((previous) => {
      const next = { ...previous };
      for (const key of [...fields, '_form']) delete next[key];
      return next;
    });
  return { errors, setErrors, clear };
}

/**
 * A form's values and its errors. Editing a field clears the errors it names (its own, and any it
 * settles, such as the end time's when the start moves) and the form's.
 */
export function useFormFields<F>(initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial);
  const { errors, setErrors, clear } = useFieldErrors<FormErrors>();
  const update = (patch: Partial<F>, ...clears: string[]) => {
    setForm((previous) => ({ ...previous, ...patch }));
    clear(...clears);
  };
  return { form, setForm, errors, setErrors, update };
}
