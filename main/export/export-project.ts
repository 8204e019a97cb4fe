/** The exportProject handler: check, generate and zip (on a worker thread), write — shared by the app and the CLI. */
import { validate } from '../../domain/rules';
import type { ExportResult } from '../../preload/api';
import { describeFileError } from '../files';
import type { Host } from '../handlers';
import { checkExportRequest } from '../payload';
import { buildArchiveOffThread } from './archive-thread';
import { zipName } from './project-files';
import { TargetExists, writeArchive } from './zip';

/** What an export needs of its host: a save dialog and a progress channel. */
export type ExportHost = Pick<Host, 'askSavePath' | 'sendExportProgress'>;

export async function exportProject(payload: unknown, host: ExportHost): Promise<ExportResult> {
  const request = checkExportRequest(payload);
  const errors = validate(request.diagram).filter((finding) => finding.severity === 'error');
  if (errors.length > 0 && !request.force) return { status: 'has-errors', findings: errors };
  const archive = await buildArchiveOffThread(request.diagram, request.options, (done, total) =>
    host.sendExportProgress({ done, total }),
  );
  if (!archive.ok) return { status: 'failed', message: archive.message };
  const chosen = request.path ?? (await host.askSavePath(zipName(request.diagram), 'zip'));
  if (!chosen) return { status: 'canceled' };
  const path = chosen.endsWith('.zip') ? chosen : `${chosen}.zip`;
  // A path from the save dialog was confirmed there; a given path is replaced only when asked.
  const overwrite = request.path === undefined || request.overwrite === true;
  try {
    const bytes = await writeArchive(path, archive.bytes, { overwrite });
    return { status: 'exported', path, files: archive.files, bytes };
  } catch (error) {
    if (error instanceof TargetExists) return { status: 'exists', path };
    return { status: 'failed', message: describeFileError(error, path) };
  }
}
