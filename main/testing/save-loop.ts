/**
 * Child process for main/files.kill.test.ts: saves the old and the new content over one file,
 * alternately and without pause, until it is killed. Usage: save-loop <target>.
 */
import { writeFileAtomic } from '../files';
import { NEW_CONTENT, OLD_CONTENT } from './contents';

async function saveForever(target: string): Promise<never> {
  process.stdout.write('saving\n');
  for (let round = 0; ; round++) {
    await writeFileAtomic(target, round % 2 === 0 ? NEW_CONTENT : OLD_CONTENT);
  }
}

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: save-loop <target>\n');
  process.exit(2);
}
saveForever(target).catch((error: unknown) => {
  process.stderr.write(`save-loop: ${(error as Error).message}\n`);
  process.exit(1);
});
