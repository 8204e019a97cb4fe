/** The export worker's entry: builds one archive per message, reporting progress on the way. */
import { parentPort } from 'node:worker_threads';
import { projectArchive } from './archive';
import type { WorkerReply, WorkerRequest } from './archive-thread';

/** Progress messages are thinned out: a message per entry would cost more than the entry. */
const PROGRESS_EVERY = 32;

parentPort!.on('message', ({ id, diagram, options }: WorkerRequest) => {
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);
  try {
    const archive = projectArchive(diagram, options, (done, total) => {
      if (done % PROGRESS_EVERY === 0 || done === total) post({ id, type: 'progress', done, total });
    });
    if (archive.ok) post({ id, type: 'done', archive }, [archive.bytes.buffer as ArrayBuffer]);
    else post({ id, type: 'done', archive });
  } catch (error) {
    post({ id, type: 'done', archive: { ok: false, message: `The export failed: ${String(error)}` } });
  }
});
