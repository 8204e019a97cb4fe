/**
 * The worker and the scheduler as each task framework runs them, started from the module the
 * README names and reading every setting themselves (no shell variables): Celery's app includes
 * every task module; RQ reads REDIS_URL and QUEUES from the task app (`-c`); the Dramatiq task app
 * imports every actor module when the worker boots. Healthchecks fail when the process hangs.
 */
import type { Plan } from '../plan/plan';
import type { Process } from '../writer';
import type { FastapiModules } from './layout';

/** Where the Dramatiq processes touch their heartbeat files, and how old a file may be. */
export const HEARTBEAT = { worker: (pkg: string) => `/tmp/${pkg}-worker.heartbeat`, scheduler: (pkg: string) => `/tmp/${pkg}-scheduler.heartbeat`, maxAgeSeconds: 60 };

/** True when the project has a scheduler process: a task framework and a scheduler that reaches a worker. */
export function hasSchedulerProcess(plan: Plan): boolean {
  return plan.broker !== undefined && plan.options.tasks !== 'none' && plan.schedulers.some((s) => s.workers.length > 0);
}

export function fastapiProcesses(plan: Plan, modules: FastapiModules): Process[] {
  if (!plan.broker || plan.workers.length === 0) return [];
  const app = modules.taskApp;
  const heartbeat = (...args: string[]): string[] => ['CMD', 'python', '-m', modules.core('heartbeat'), ...args];
  const scheduler = hasSchedulerProcess(plan);
  const out: Process[] = [];
  const worker = (command: string[], local: string, healthcheck: string[]): void => void out.push({ service: 'worker', title: 'the worker', kind: 'worker', command, local, healthcheck });
  const schedule = (command: string[], local: string, healthcheck: string[]): void => {
    if (scheduler) out.push({ service: 'scheduler', title: 'the scheduler', kind: 'scheduler', command, local, healthcheck });
  };
  switch (plan.options.tasks) {
    case 'celery':
      worker(['celery', '-A', app, 'worker', '--loglevel', 'INFO', '--concurrency', '2'], `celery -A ${app} worker --loglevel INFO`, ['CMD-SHELL', `celery -A ${app} inspect ping --timeout 5 -d celery@$$HOSTNAME`]);
      // Beat writes its state file every few minutes: untouched for 10 minutes means beat hangs.
      schedule(
        ['celery', '-A', app, 'beat', '--loglevel', 'INFO', '--schedule', '/tmp/celerybeat-schedule'],
        `celery -A ${app} beat --loglevel INFO`,
        ['CMD-SHELL', 'test -n "$$(find /tmp -maxdepth 1 -name \'celerybeat-schedule*\' -mmin -10)"'],
      );
      break;
    case 'rq':
      worker(['rq', 'worker', '--with-scheduler', '-c', app], `rq worker --with-scheduler -c ${app}`, heartbeat('worker'));
      schedule(['rq', 'cron', modules.schedules, '-c', app], `rq cron ${modules.schedules} -c ${app}`, heartbeat('cron'));
      break;
    case 'dramatiq':
      worker(['dramatiq', app, '--processes', '2', '--threads', '4'], `dramatiq ${app} --processes 1 --threads 4`, heartbeat(HEARTBEAT.worker(plan.pkg), String(HEARTBEAT.maxAgeSeconds)));
      schedule(['python', '-m', modules.schedules], `python -m ${modules.schedules}`, heartbeat(HEARTBEAT.scheduler(plan.pkg), String(HEARTBEAT.maxAgeSeconds)));
      break;
    case 'none':
      break;
  }
  return out;
}
