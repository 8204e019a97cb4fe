/** The exportProject handler: check, generate and zip (on a worker thread), write — shared by the app and the CLI. */
import { checkExport } from '../../domain/generate';
import { validate } from '../../domain/rules';
import type { ExportRequest, ExportResult } from '../../preload/api';
import { describeFileError } from '../files';
import type { Host } from '../handlers';
import { checkExportRequest } from '../payload';
import { projectArchive, type Archive, type Progress } from './archive';
import { buildArchiveOffThread } from './archive-thread';
import { zipName } from './project-files';
import { TargetExists, writeArchive } from './zip';

/** What an export needs of its host: a save dialog and a progress channel. */
export type ExportHost = Pick<Host, 'askSavePath' | 'sendExportProgress'>;

/** A zip built in memory, not yet written anywhere. */
export interface BuiltExport {
  readonly status: 'built';
  readonly bytes: Uint8Array;
  readonly files: number;
}

/** Builds a project's zip: on the export worker in the app, in the calling thread on the command line. */
type ArchiveBuilder = (diagram: ExportRequest['diagram'], options: ExportRequest['options'], onProgress: Progress) => Promise<Archive>;

/** Checks the diagram and builds the zip; a result to report instead when there is nothing to write. */
export async function buildExport(request: ExportRequest, host: Pick<Host, 'sendExportProgress'>, build: ArchiveBuilder = buildArchiveOffThread): Promise<BuiltExport | ExportResult> {
  // The same answer the Export dialog's chooser gives. A framework without a generator is said
  // first; the diagram's own errors (which may include the broker a task framework refuses) next.
  const refused = checkExport(request.diagram, request.options);
  if (refused?.code === 'unsupported-framework') return { status: 'failed', message: refused.message };
  const errors = validate(request.diagram).filter((finding) => finding.severity === 'error');
  if (errors.length > 0 && !request.force) return { status: 'has-errors', findings: errors };
  if (refused) return { status: 'failed', message: refused.message };
  const archive = await build(request.diagram, request.options, (done, total) =>
    host.sendExportProgress({ done, total }),
  );
  if (!archive.ok) return { status: 'failed', message: archive.message };
  return { status: 'built', bytes: archive.bytes, files: archive.files };
}

/** The contract's handler: the zip goes where the user says in the save dialog, which confirms replacing. */
export async function exportProject(payload: unknown, host: ExportHost): Promise<ExportResult> {
  const request = checkExportRequest(payload);
  const built = await buildExport(request, host);
  if (built.status !== 'built') return built;
  const chosen = await host.askSavePath(zipName(request.diagram), 'zip');
  if (!chosen) return { status: 'canceled' };
  const result = await writeExport(built, chosen.endsWith('.zip') ? chosen : `${chosen}.zip`, true);
  return result.status === 'exists' ? { status: 'failed', message: `${result.path} already exists.` } : result;
}

export type FileExportResult = ExportResult | { readonly status: 'exists'; readonly path: string };

/**
 * The command line's export: to the path it was given, replacing a file only when told to. Built
 * in the calling thread: a command has no window to keep responsive, and a worker would start a
 * second JavaScript engine and load the generator into it.
 */
export async function exportToFile(request: ExportRequest, path: string, overwrite: boolean): Promise<FileExportResult> {
  if (!path.endsWith('.zip')) return { status: 'failed', message: 'projects are exported only to .zip files' };
  const built = await buildExport(request, { sendExportProgress: () => undefined }, projectArchive);
  if (built.status !== 'built') return built;
  return writeExport(built, path, overwrite);
}

async function writeExport(built: BuiltExport, path: string, overwrite: boolean): Promise<FileExportResult> {
  try {
    const bytes = await writeArchive(path, built.bytes, { overwrite });
    return { status: 'exported', path, files: built.files, bytes };
  } catch (error) {
    if (error instanceof TargetExists) return { status: 'exists', path };
    return { status: 'failed', message: describeFileError(error, path) };
  }
}
