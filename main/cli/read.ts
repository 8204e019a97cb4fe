import { formatParseErrors, parseDiagram } from '../../domain/parse';
import type { Diagram } from '../../domain/diagram';
import { describeFileError, readTextFile } from '../files';

/** Reads and checks a diagram file; on failure, the lines to print and no diagram. */
export async function readDiagramFile(path: string): Promise<{ diagram: Diagram } | { problem: string }> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    return { problem: describeFileError(error, path) };
  }
  const result = parseDiagram(text);
  if (!result.ok) return { problem: `${path} is not a valid diagram:\n${formatParseErrors(result.errors)}` };
  return { diagram: result.diagram };
}
