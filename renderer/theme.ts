/**
 * Light, dark or the system's choice, chosen in the app and remembered in this browser profile
 * (or the desktop app's). styles.css reads `data-theme` on the root element; no value means the system's.
 */
import { useEffect, useState } from 'react';
import { create } from 'zustand';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'strata.theme';

function remembered(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
  } catch {
    return 'system';
  }
}

export const useTheme = create<{ theme: Theme }>(() => ({ theme: remembered() }));

export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage refused (a private window): the choice still holds until the window closes.
  }
  useTheme.setState({ theme });
}

/** Keeps the root element's `data-theme` in step with the choice. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
applyTheme(useTheme.getState().theme);
useTheme.subscribe((state) => applyTheme(state.theme));

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The scheme in effect: the choice, or the system's when the choice is `system`. */
export function useScheme(): 'light' | 'dark' {
  const theme = useTheme((state) => state.theme);
  const [systemDark, setSystemDark] = useState(() => darkQuery().matches);
  useEffect(() => {
    const query = darkQuery();
    const update = () => setSystemDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}
