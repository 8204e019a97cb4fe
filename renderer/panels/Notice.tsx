/**
 * A short notice under the toolbar that goes by itself: for news that needs no answer,
 * such as where a download went, so it does not stop the user as a message dialog would.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

const SHOWN_MS = 8000;

const useNotice = create<{ text: string | null; serial: number }>(() => ({ text: null, serial: 0 }));

export function showNotice(text: string): void {
  useNotice.setState((state) => ({ text, serial: state.serial + 1 }));
}

export function Notice() {
  const { text, serial } = useNotice();
  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => useNotice.setState({ text: null }), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [text, serial]);
  if (text === null) return null;
  return (
    <div className="notice" role="status" data-testid="notice">
      <span>{text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => useNotice.setState({ text: null })}>
        ×
      </button>
    </div>
  );
}
