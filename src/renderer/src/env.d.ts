/// <reference types="vite/client" />
import type { KassenwartApi } from '#shared/api.ts';

declare global {
  interface Window {
    /** Present in the desktop app (preload bridge); absent in a browser talking to `kassenwart serve`. */
    kassenwart?: KassenwartApi;
  }
}
