/**
 * The workers and schedulers as each task framework's Django integration runs them, with a
 * healthcheck that fails when the process hangs (NOTES of the reference exports, item 12).
 */
import { modulesFor } from './layout';
import type { Plan } from '../plan/plan';
import type { Process } from '../writer';

export function djangoProcesses(plan: Plan): Process[] {
  const modules = modulesFor(plan);
  if (!plan.broker || plan.workers.length === 0) return [];
  const pkg = plan.pkg;
  const heartbeat = (...args: string[]): string[] => ['CMD', 'python', '-m', `${pkg}.core.heartbeat`, ...args];
  const out: Process[] = [];
  const schedulers = plan.schedulers.filter((s) => s.workers.length > 0);
  switch (plan.options.tasks) {
    case 'celery':
      out.push({ service: 'worker', title: 'the worker', kind: 'worker', command: ['celery', '-A', pkg, 'worker', '--loglevel', 'INFO', '--concurrency', '2'], local: `celery -A ${pkg} worker --loglevel INFO`, healthcheck: ['CMD-SHELL', `celery -A ${pkg} inspect ping --timeout 5 -d celery@$$HOSTNAME`] });
      if (schedulers.length > 0) {
        // Beat saves its state every few minutes: a state file untouched for 10 minutes means a hung scheduler.
        out.push({ service: 'beat', title: 'Celery beat', kind: 'scheduler', command: ['celery', '-A', pkg, 'beat', '--loglevel', 'INFO', '--schedule', '/var/tmp/beat/schedule'], local: `celery -A ${pkg} beat --loglevel INFO`, healthcheck: ['CMD-SHELL', 'test -n "$$(find /var/tmp/beat -name \'schedule*\' -mmin -10)"'] });
      }
      break;
    case 'rq':
      out.push({ service: 'worker', title: 'the worker', kind: 'worker', command: ['python', 'manage.py', 'rqworker', pkg, '--with-scheduler'], local: `python manage.py rqworker ${pkg} --with-scheduler`, healthcheck: heartbeat('worker') });
      for (const s of schedulers) {
        const module = modules.scheduleOf(s);
        out.push({ service: `scheduler-${s.snake.replace(/_+$/, '').replace(/_/g, '-')}`, title: `the ${s.label} scheduler`, kind: 'scheduler', command: ['python', 'manage.py', 'rqcron', module], local: `python manage.py rqcron ${module}`, healthcheck: heartbeat('cron') });
      }
      break;
    case 'dramatiq':
      out.push({ service: 'worker', title: 'the worker', kind: 'worker', command: ['python', 'manage.py', 'rundramatiq', '--processes', '2', '--threads', '4'], local: 'python manage.py rundramatiq --processes 1 --threads 4', healthcheck: heartbeat(`/tmp/${pkg}-worker.heartbeat`, '60') });
      for (const s of schedulers) {
        const module = modules.scheduleOf(s);
        out.push({ service: `scheduler-${s.snake.replace(/_+$/, '').replace(/_/g, '-')}`, title: `the ${s.label} scheduler`, kind: 'scheduler', command: ['python', '-m', module], local: `python -m ${module}`, healthcheck: heartbeat(`/tmp/${pkg}-scheduler.heartbeat`, '60') });
      }
      break;
    case 'none':
      break;
  }
  return out;
}
