// Text fields of a small form (ImeTextInput / ImeTextArea with a `name`) are read from the form when it
// is submitted: the DOM holds exactly what the worker sees, including the last keystrokes before Enter
// that a throttled commit has not passed on yet. Such fields get `onCommit={readAtSubmit}`.

/** The current text of the form's field `name` ('' when there is none). */
export function formText(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name)
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : ''
}

/** onCommit of a field read at submit by formText: nothing to keep while typing. */
export function readAtSubmit(): void {}
