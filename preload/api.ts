/**
 * The contract between the renderer and the main process: one method per operation and the
 * events main sends. Main registers exactly these handlers; the preload bridge and the web
 * transport both implement exactly this type.
 */
import type { Diagram } from '../domain/diagram';
import type { ParseError } from '../domain/parse';

/** A diagram with where it came from. `path` is null for the sample and for unsaved diagrams. */
export interface DiagramFile {
  readonly path: string | null;
  /** What the title bar shows, e.g. `shop.strata`. */
  readonly name: string;
  readonly diagram: Diagram;
}

export type OpenResult =
  | { readonly status: 'opened'; readonly file: DiagramFile }
  | { readonly status: 'canceled' }
  | { readonly status: 'invalid'; readonly name: string; readonly errors: readonly ParseError[] };

export type SaveResult =
  /** `path` is null where the diagram was handed to the browser as a download. */
  | { readonly status: 'saved'; readonly path: string | null; readonly name: string }
  | { readonly status: 'canceled' }
  | { readonly status: 'failed'; readonly message: string };

export interface OpenRequest {
  /** A file to open; when absent, the user is asked to choose one. */
  readonly path?: string;
}

export interface OpenTextRequest {
  /** The file's name, for messages and the title. */
  readonly name: string;
  readonly text: string;
}

export interface SaveRequest {
  readonly diagram: Diagram;
  /** Where to save; when absent, the user is asked (Save As). */
  readonly path?: string;
  /** The file name offered in the Save As dialog. */
  readonly suggestedName?: string;
}

export type MenuCommand =
  | 'new'
  | 'open'
  | 'save'
  | 'save-as'
  | 'undo'
  | 'redo'
  | 'select-all'
  | 'delete'
  | 'zoom-to-fit';

export interface Api {
  /** The built-in sample diagram (a small shop). */
  loadSample(): Promise<DiagramFile>;
  /** Open a `.strata` file from disk, asking the user where when no path is given. */
  openDiagram(request: OpenRequest): Promise<OpenResult>;
  /** Open a diagram whose text the renderer already has (a dropped or picked file). */
  openDiagramText(request: OpenTextRequest): Promise<OpenResult>;
  /** Save atomically; asks for a path when none is given. */
  saveDiagram(request: SaveRequest): Promise<SaveResult>;
  /** Recently opened or saved files, newest first. */
  recentFiles(): Promise<readonly string[]>;
  /** Menu items chosen in the native menu. Returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Operations that are request/response calls (everything but the event subscriptions). */
export type ApiCall = {
  [K in keyof Api]: K extends `on${string}` ? never : K;
}[keyof Api];

export const API_CALLS = ['loadSample', 'openDiagram', 'openDiagramText', 'saveDiagram', 'recentFiles'] as const satisfies readonly ApiCall[];

/** The events main sends to the renderer, by channel. */
export const EVENT_CHANNELS = { menuCommand: 'strata:menu-command' } as const;

export function callChannel(call: ApiCall): string {
  return `strata:${call}`;
}
