/**
 * Escape closes a dialog, as in any desktop app; caught before the canvas, which would otherwise
 * also act on it. A question or message shown above the dialog answers its own Escape first.
 */
import { useEffect } from 'react';

export function useEscape(onClose: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('[role="alertdialog"]')) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      onClose();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onClose]);
}
