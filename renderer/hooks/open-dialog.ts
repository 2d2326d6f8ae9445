import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Opens a <dialog> once it is in the page: modal (focus kept inside, the rest of the window
 * inert) or in place, then focuses what `focusTarget` picks. Focus moves only into an open
 * dialog, and React's autoFocus runs too early, hence after opening. jsdom lacks showModal.
 * When the dialog goes away (it is removed, not closed, so the browser restores nothing), focus
 * goes back to what had it when the dialog came: the switch that asked for a password, the
 * button that started an import. Not when focus has since moved somewhere else on purpose.
 */
export function useOpenDialog(
  modal: boolean,
  focusTarget: (dialog: HTMLDialogElement) => HTMLElement | null,
): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  // The first render's choice counts: a dialog is opened once.
  const pick = useRef(focusTarget);
  // Read while the dialog is first rendered, before the commit that may disable the opener (an
  // import's buttons are disabled while it runs, and a disabled button loses focus).
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (!dialog.open) {
      if (modal && typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    // Also after StrictMode's trial unmount, whose cleanup below gave focus back to the opener.
    if (!dialog.contains(document.activeElement)) pick.current(dialog)?.focus();
  }, [modal]);
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      const now = document.activeElement;
      const lost = now === null || now === document.body || (dialog?.contains(now) ?? false);
      if (lost && opener instanceof HTMLElement && opener !== document.body && opener.isConnected)
        opener.focus();
    };
  }, [opener]);
  return ref;
}
