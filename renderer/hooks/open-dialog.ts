import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a <dialog> once it is in the page: modal (focus kept inside, the rest of the window
 * inert) or in place, then focuses what `focusTarget` picks. Focus moves only into an open
 * dialog, and React's autoFocus runs too early, hence after opening. jsdom lacks showModal.
 */
export function useOpenDialog(
  modal: boolean,
  focusTarget: (dialog: HTMLDialogElement) => HTMLElement | null,
): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  // The first render's choice counts: a dialog is opened once.
  const pick = useRef(focusTarget);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || dialog.open) return;
    if (modal && typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    pick.current(dialog)?.focus();
  }, [modal]);
  return ref;
}
