/** The two complete contents the save-under-kill test alternates between; any mix of them is a torn save. */

/** Builds `size` bytes of ASCII from a repeating line, so that every offset is checkable. */
function content(line: string, size: number): string {
  return line.repeat(Math.ceil(size / line.length)).slice(0, size);
}

/** Different lengths as well as different bytes, so that a truncated save is caught too. */
export const OLD_CONTENT = content('old content, complete and whole;\n', 200_000);
export const NEW_CONTENT = content('NEW CONTENT, the replacement, also whole!\n', 230_000);
