/** Writing an export through the contract, asking before replacing an existing file. */
import type { Diagram } from '../../domain/diagram';
import type { ExportOptions, ExportResult } from '../../preload/api';
import { api } from '../api';

export async function runExport(diagram: Diagram, options: ExportOptions, force: boolean): Promise<ExportResult> {
  const result = await api.exportProject({ diagram, options, force });
  if (result.status !== 'exists') return result;
  if (!window.confirm(`${result.path} already exists. Replace it?`)) return { status: 'canceled' };
  return api.exportProject({ diagram, options, force, path: result.path, overwrite: true });
}

export function describeSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
