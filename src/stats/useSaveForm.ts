import type { AppError, Result } from '../../types/result';
import type { FormErrors } from '../components/useFormFields';
import { useSending } from '../components/useSending';
import { fieldMessage, FORM_SLOT } from '../services/fieldError';
import { toast } from '../utils/toast';

interface SaveFormOptions<D, T> {
  /** The form's own check: the draft to send, or its errors by field. */
  build: () => { draft: D } | { errors: FormErrors };
  send: (draft: D) => Promise<Result<T>>;
  /** Which of the form's fields a refusal's field path names. */
  slotOf: (field: string) => string;
  setErrors: (errors: FormErrors) => void;
  onSaved: (data: T) => void;
}

/** A refusal naming a field goes beside it; anything else above the button. */
function refusal(error: AppError, slotOf: (field: string) => string): FormErrors {
  return error.field ? { [slotOf(error.field)]: fieldMessage(error) } : { [FORM_SLOT]: error.message };
}

/**
 * Saving an organiser's programme form (学习活动方案, 四红方案): the form's own check first, its errors
 * beside the fields; then one send at a time, a refusal shown where it belongs, a toast either way.
 */
export function useSaveForm<D, T>({ build, send, slotOf, setErrors, onSaved }: SaveFormOptions<D, T>) {
  const { sending: saving, isSending, send: sending } = useSending();
  const save = async () => {
    if (isSending()) return;
    const built = build();
    if ('errors' in built) {
      setErrors(built.errors);
      toast('请修改标红的内容');
      return;
    }
    const result = await sending(() => send(built.draft));
    if (!result.ok) {
      setErrors(refusal(result.error, slotOf));
      toast(result.error.field ? '请修改标红的内容' : result.error.message);
      return;
    }
    onSaved(result.data);
  };
  return { saving, save };
}
