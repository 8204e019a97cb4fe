/** Writes a generated project to a folder: `tsx verify/write.ts DIAGRAM OUT [layout] [tasks]`. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDiagram } from '../domain/parse';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { generate, type GenerateOptions } from '../domain/generate';

export function writeFiles(files: ReadonlyMap<string, string>, out: string): void {
  for (const [path, text] of files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

if (process.argv[1]?.endsWith('write.ts')) {
  const [source, out, layout, tasks] = process.argv.slice(2);
  const parsed = source === 'sample' ? { ok: true as const, diagram: SAMPLE_DIAGRAM } : parseDiagram(readFileSync(source!, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const options: Partial<GenerateOptions> = {};
  if (layout) Object.assign(options, { layout });
  if (tasks) Object.assign(options, { tasks });
  const result = generate(parsed.diagram, options);
  if (!result.ok) throw new Error(result.error.message);
  rmSync(out!, { recursive: true, force: true });
  writeFiles(result.files, out!);
  console.log(`${result.files.size} files, ${result.layout.layout}: ${result.layout.reason}`);
}
