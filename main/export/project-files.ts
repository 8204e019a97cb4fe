/** The generated project for an export, with the diagram's settings overridden by the options. */
import type { Diagram } from '../../domain/diagram';
import { generate } from '../../domain/generate';
import { pythonForm } from '../../domain/names';
import type { ExportOptions } from '../../preload/api';
import type { Files } from './zip';

export type ProjectFiles = { readonly ok: true; readonly files: Files } | { readonly ok: false; readonly message: string };

export function projectFiles(diagram: Diagram, options: ExportOptions): ProjectFiles {
  const result = generate(diagram, options);
  return result.ok ? { ok: true, files: result.files } : { ok: false, message: result.error.message };
}

export function zipName(diagram: Diagram): string {
  return `${pythonForm(diagram.project.name) || 'project'}.zip`;
}
