/**
 * `strata validate`, `export`, `import` and `check`.
 * Exit codes: 0 clean (or warnings and notes only), 1 errors, 2 unreadable file or folder, or wrong usage.
 *
 * Each command is loaded when it is run: a pre-commit hook running `strata validate` pays for
 * the rules, not for the generator, the zip writer or the Python parser.
 */

export interface Output {
  write(text: string): unknown;
}

export const USAGE = `Usage:
  strata validate FILE [--json]
  strata export FILE -o OUT.zip [--force] [--overwrite]
  strata import DIR [-o FILE.strata] [--overwrite] [--json]
  strata check DIR FILE.strata [--json]
`;

export class UsageError extends Error {}

export async function main(args: readonly string[], out: Output, err: Output): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'validate':
        return await (await import('./validate')).validateCommand(rest, out, err);
      case 'export':
        return await (await import('./export')).exportCommand(rest, out, err);
      case 'import':
        return await (await import('./import')).importCommand(rest, out, err);
      case 'check':
        return await (await import('./check')).checkCommand(rest, out, err);
      case undefined:
      case '--help':
      case '-h':
        out.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`strata: ${error.message}\n${USAGE}`);
    return 2;
  }
}
