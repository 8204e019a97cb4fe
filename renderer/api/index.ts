/** The renderer talks to `window.api` and nothing else: the preload bridge, or the web transport. */
import type { Api } from '../../preload/api';
import { createWebApi } from './web';

declare global {
  interface Window {
    api?: Api;
  }
}

export const isDesktop = typeof window !== 'undefined' && window.api !== undefined;

export const api: Api = (typeof window !== 'undefined' && window.api) || createWebApi();
