// npm run web: build the renderer, then serve it with the main-process handlers on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';

export function buildRenderer() {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function serveWeb() {
  const server = spawn(process.execPath, ['--import', 'tsx', 'main/web/start.ts'], { stdio: 'inherit' });
  server.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildRenderer();
  serveWeb();
}
