/**
 * The contract between the renderer and the main process: one method per operation and the
 * events main sends. Main registers exactly these handlers; the preload bridge and the web
 * transport both implement exactly this type.
 */
import type { Diagram, Framework, Layout, TaskFramework } from '../domain/diagram';
import type { DriftFinding, ImportReport, Skipped } from '../domain/import';
import type { ParseError } from '../domain/parse';
import type { Command } from '../domain/commands';
import type { Finding } from '../domain/rules';

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
  /** The file changed on disk since it was opened or last saved; nothing was written. */
  | { readonly status: 'conflict'; readonly path: string; readonly name: string }
  | { readonly status: 'failed'; readonly message: string };

export interface OpenRequest {
  /**
   * A file to open; when absent, the user is asked to choose one. Main opens only paths it
   * produced or granted (main/grants.ts): its dialogs' answers, command-line arguments, the
   * OS's open-file events, drops, the recent list and the open document's own path.
   */
  readonly path?: string;
}

export interface OpenTextRequest {
  /** The file's name, for messages and the title. */
  readonly name: string;
  readonly text: string;
}

export interface SaveRequest {
  readonly diagram: Diagram;
  /** Where to save, the open document's own path; when absent, the user is asked (Save As). */
  readonly path?: string;
  /** The file name offered in the Save As dialog. */
  readonly suggestedName?: string;
  /** Replace the file even though it changed on disk (the user chose to, after a `conflict`). */
  readonly overwrite?: boolean;
}

/** Export options; each overrides the diagram's own project setting. */
export interface ExportOptions {
  readonly framework?: Framework;
  readonly tasks?: TaskFramework;
  readonly layout?: Layout;
}

/** Where the zip goes is asked of the user (or, in the browser, is a download): never a path. */
export interface ExportRequest {
  readonly diagram: Diagram;
  readonly options: ExportOptions;
  /** Export even though the diagram has errors. */
  readonly force?: boolean;
}

export type ExportResult =
  | { readonly status: 'exported'; readonly path: string | null; readonly files: number; readonly bytes: number }
  | { readonly status: 'canceled' }
  | { readonly status: 'has-errors'; readonly findings: readonly Finding[] }
  | { readonly status: 'failed'; readonly message: string };

export interface ExportProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * Unsaved work kept in the user-data folder, offered back after a crash. Each window (each tab
 * in the browser) keeps its own slot, named by a random id it chose when it started, so saving
 * in one never touches another's.
 */
export interface Recovery {
  readonly slot: string;
  readonly file: DiagramFile;
  /** When it was written, in ms since 1970. */
  readonly savedAt: number;
}

export interface RecoveryWrite {
  readonly slot: string;
  readonly file: DiagramFile;
}

/** A file the user dropped on the window (the DOM's File). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

export interface PictureRequest {
  readonly format: 'png' | 'svg' | 'mermaid';
  /** PNG as base64; SVG and Mermaid as text. */
  readonly data: string;
  readonly suggestedName: string;
}

/** A project folder as a browser's folder upload read it: file texts, paths relative to the folder. */
export interface UploadedProject {
  /** The folder's own name. */
  readonly name: string;
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
  /** What the browser could not read (binary, not UTF-8, over 1 MB), with why. */
  readonly skipped: readonly Skipped[];
}

export interface ImportProjectRequest {
  /** The browser's upload; when absent, main asks for a folder (desktop). */
  readonly upload?: UploadedProject;
}

export type ImportProjectResult =
  /** A new, unsaved diagram of the project (`file.path` is null), and what was left out. */
  | { readonly status: 'imported'; readonly file: DiagramFile; readonly report: ImportReport }
  | { readonly status: 'canceled' }
  | { readonly status: 'failed'; readonly message: string };

export interface CompareRequest {
  readonly diagram: Diagram;
  readonly upload?: UploadedProject;
}

export type CompareResult =
  | { readonly status: 'compared'; readonly folder: string; readonly findings: readonly DriftFinding[]; readonly report: ImportReport }
  | { readonly status: 'canceled' }
  | { readonly status: 'failed'; readonly message: string };

/** What the desktop app's menu bar sends: any command of the catalog (domain/commands.ts). */
export type MenuCommand = Command;

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
  /** Tells main the title and whether there are unsaved changes (it asks before closing). */
  setDocumentState(request: { title: string; dirty: boolean }): Promise<void>;
  /** Answers 'save-before-close': the window closes only if the save succeeded; else it stays and still warns. */
  savedBeforeClose(request: { saved: boolean }): Promise<void>;
  /** Generate, zip and write the Python project; refuses diagrams with errors unless forced. */
  exportProject(request: ExportRequest): Promise<ExportResult>;
  /** Shows a written file in the system's file manager. */
  showInFolder(request: { path: string }): Promise<void>;
  /** Reads a Python project (a folder the user picks, or the browser's upload) into a new diagram. */
  importProject(request: ImportProjectRequest): Promise<ImportProjectResult>;
  /** Where a project's code and `diagram` disagree (spec/import.md's drift findings). */
  compareWithCode(request: CompareRequest): Promise<CompareResult>;
  /** Saves a picture of the diagram (PNG, SVG or Mermaid text). */
  savePicture(request: PictureRequest): Promise<SaveResult>;
  /** Keeps unsaved work where a crash cannot take it, in the caller's own slot. */
  writeRecovery(request: RecoveryWrite): Promise<void>;
  /**
   * Unsaved work other windows or tabs left, newest first, but for the slots still in use
   * (`except`); reading it does not remove it.
   */
  readRecovery(request: { except: readonly string[] }): Promise<readonly Recovery[]>;
  clearRecovery(request: { slot: string }): Promise<void>;
  /**
   * The path on disk of a dropped file (desktop only: the preload asks Electron, and main is told
   * the user handed that file over); null in the browser or for a file not on disk.
   */
  pathOfDroppedFile(file: DroppedFile): string | null;
  /** Menu items chosen in the native menu. Returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A file to open: from the command line, a file association or a second launch. */
  onOpenFile(listener: (path: string) => void): () => void;
  /** Progress of a running export. */
  onExportProgress(listener: (progress: ExportProgress) => void): () => void;
}

/** Operations that are request/response calls (everything but the event subscriptions). */
export type ApiCall = {
  [K in keyof Api]: K extends `on${string}` | LocalCall ? never : K;
}[keyof Api];

/** Answered inside the preload (or the web transport) without asking main. */
type LocalCall = 'pathOfDroppedFile';

export const API_CALLS = [
  'loadSample',
  'openDiagram',
  'openDiagramText',
  'saveDiagram',
  'recentFiles',
  'setDocumentState',
  'savedBeforeClose',
  'exportProject',
  'showInFolder',
  'importProject',
  'compareWithCode',
  'savePicture',
  'writeRecovery',
  'readRecovery',
  'clearRecovery',
] as const satisfies readonly ApiCall[];

/** Compile-time check that API_CALLS lists every call of the contract. */
type Missing = Exclude<ApiCall, (typeof API_CALLS)[number]>;
export const ALL_CALLS_LISTED: Missing extends never ? true : Missing = true;

/** The events main sends to the renderer, by channel. */
export const EVENT_CHANNELS = {
  menuCommand: 'strata:menu-command',
  openFile: 'strata:open-file',
  exportProgress: 'strata:export-progress',
} as const;

/**
 * Sent by the preload, never by the page: the paths of files the user really dropped on the
 * window (trusted drop events of files on disk), which main then grants for opening and saving.
 */
export const DROP_CHANNEL = 'strata:dropped-files';

export function callChannel(call: ApiCall): string {
  return `strata:${call}`;
}
