/** The export worker's entry: builds one archive per message, reporting progress on the way. */
import { parentPort } from 'node:worker_threads';
import { projectArchive } from './archive';
import type { WorkerReply, WorkerRequest } from './archive-thread';

/** Progress messages are thinned out: a message per entry would cost more than the entry. */
const PROGRESS_EVERY = 32;

parentPort!.on('message', async ({ id, diagram, options }: WorkerRequest) => {
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);
  try {
    const archive = await projectArchive(diagram, options, (done, total) => {
      if (done % PROGRESS_EVERY === 0 || done === total) post({ id, type: 'progress', done, total });
    });
    if (!archive.ok) return post({ id, type: 'done', archive });
    // Transfer, not copy, but only a buffer the archive owns whole: a small Buffer may share Node's pool.
    const owned = archive.bytes.byteOffset === 0 && archive.bytes.byteLength === archive.bytes.buffer.byteLength;
    const bytes = owned ? archive.bytes : new Uint8Array(archive.bytes);
    post({ id, type: 'done', archive: { ...archive, bytes } }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ id, type: 'done', archive: { ok: false, message: `The export failed: ${String(error)}` } });
  }
});
