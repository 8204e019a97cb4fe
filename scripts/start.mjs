// npm start: the desktop app; where Electron's binary cannot be had, the same app in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';
import { buildRenderer, serveWeb } from './web.mjs';

const electron = electronBinary();
if (electron.path) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const app = spawn(electron.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Strata: ${electron.reason}; serving the same app in the browser instead.`);
  buildRenderer();
  serveWeb();
}
