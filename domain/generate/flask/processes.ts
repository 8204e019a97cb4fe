/** The workers (and schedulers) as each task framework runs them in a Flask project, with healthchecks that fail when the process hangs. */
import type { Plan } from '../plan/plan';
import type { Process } from '../writer';
import type { FlaskModules } from './layout';
import { taskModules } from './taskapp';

export function flaskProcesses(plan: Plan, modules: FlaskModules): Process[] {
  if (!plan.broker || plan.workers.length === 0) return [];
  const app = modules.taskApp;
  const schedulers = plan.schedulers.filter((s) => s.workers.length > 0);
  switch (plan.options.tasks) {
    case 'celery': {
      const worker: Process = { service: 'worker', title: 'the worker', kind: 'worker', command: ['celery', '-A', app, 'worker', '--loglevel', 'INFO', '--concurrency', '2'], local: `celery -A ${app} worker --loglevel INFO`, healthcheck: ['CMD-SHELL', `celery -A ${app} inspect ping --timeout 5 -d celery@$$HOSTNAME`] };
      if (schedulers.length === 0) return [worker];
      // Beat saves its state every few minutes: a state file untouched for 10 minutes means a hung scheduler.
      return [worker, { service: 'beat', title: 'Celery beat', kind: 'scheduler', command: ['celery', '-A', app, 'beat', '--loglevel', 'INFO', '--schedule', '/tmp/celerybeat-schedule'], local: `celery -A ${app} beat --loglevel INFO`, healthcheck: ['CMD-SHELL', 'test -n "$$(find /tmp -maxdepth 1 -name \'celerybeat-schedule*\' -mmin -10)"'] }];
    }
    case 'rq':
      return [{ service: 'worker', title: 'the worker', kind: 'worker', command: ['python', '-m', app], local: `python -m ${app}`, healthcheck: ['CMD', 'python', '-m', app, 'check'] }, ...apschedulers(plan, modules)];
    case 'dramatiq': {
      const all = [app, ...taskModules(plan, modules)];
      return [{ service: 'worker', title: 'the worker', kind: 'worker', command: ['dramatiq', ...all, '--processes', '2', '--threads', '4'], local: `dramatiq ${all.join(' ')} --processes 1 --threads 2`, healthcheck: ['CMD', 'python', '-m', app, 'check'] }, ...apschedulers(plan, modules)];
    }
    case 'none':
      return [];
  }
}

/** One APScheduler process per scheduler node (RQ and Dramatiq have no periodic scheduler of their own). */
function apschedulers(plan: Plan, modules: FlaskModules): Process[] {
  return plan.schedulers
    .filter((s) => s.workers.length > 0)
    .map((s) => {
      const module = modules.of('tasks', s);
      return { service: `scheduler-${s.snake.replace(/_+$/, '').replace(/_/g, '-')}`, title: `the ${s.label} scheduler`, kind: 'scheduler', command: ['python', '-m', module], local: `python -m ${module}`, healthcheck: ['CMD', 'python', '-m', module, 'check'] };
    });
}
