import { dateTextToIso } from './dateText';

/** True when a date field holds text that is not a date (empty is no such text: an optional date may stay empty). */
export const isUnreadableDate = (text: string): boolean => text.trim() !== '' && dateTextToIso(text) === undefined;

/** The date field's input as the guard reads it: its text now and the form it is in. */
interface GuardedInput {
  readonly value: string;
  readonly form: EventTarget | null;
}

/**
 * Keeps `input`'s form from sending while the field holds text that is not a date, for every form that has a
 * DateField, without code in the form: the field listens to its form's submit event, which reaches the form
 * before React's onSubmit handler (React listens at the root, the event bubbles there from the form). When the
 * text is no date the event is cancelled (no browser submit) and stopped on its way up, so the form's handler,
 * and with it the request, never runs; other date fields of the same form still hear it and mark themselves.
 * `onSubmit` is told each attempt whether it was refused (the field marks itself and takes focus), and `onEnter`
 * when an Enter in the field finds text that is no date (so the field marks itself even when Enter sends nothing,
 * as while the form's button is disabled).
 * Returns the function that stops listening.
 */
export function guardDateSubmit(
  input: GuardedInput & EventTarget,
  onSubmit: (refused: boolean) => void,
  onEnter?: () => void,
): () => void {
  const form = input.form;
  const submit = (event: Event) => {
    const refused = isUnreadableDate(input.value);
    onSubmit(refused);
    if (!refused) return;
    event.preventDefault();
    event.stopPropagation();
  };
  const keydown = (event: Event) => {
    if ((event as KeyboardEvent).key === 'Enter' && isUnreadableDate(input.value)) onEnter?.();
  };
  form?.addEventListener('submit', submit);
  input.addEventListener('keydown', keydown);
  return () => {
    form?.removeEventListener('submit', submit);
    input.removeEventListener('keydown', keydown);
  };
}
