/** The workers (and schedulers) as each task framework runs them in a Flask project, with healthchecks that fail when the process hangs. */
import type { Plan } from '../plan/plan';
import type { Process } from '../writer';
import type { FlaskModules } from './layout';
import { taskModules } from './tasks';

export function flaskProcesses(plan: Plan, modules: FlaskModules): Process[] {
  if (!plan.broker || plan.workers.length === 0) return [];
  const app = modules.taskApp;
  switch (plan.options.tasks) {
    case 'celery':
      return [{ service: 'worker', title: 'the worker', kind: 'worker', command: ['celery', '-A', app, 'worker', '--loglevel', 'INFO', '--concurrency', '2'], local: `celery -A ${app} worker --loglevel INFO`, healthcheck: ['CMD-SHELL', `celery -A ${app} inspect ping --timeout 5 -d celery@$$HOSTNAME`] }];
    case 'rq':
      return [{ service: 'worker', title: 'the worker', kind: 'worker', command: ['python', '-m', app], local: `python -m ${app}`, healthcheck: ['CMD', 'python', '-m', app, 'check'] }];
    case 'dramatiq': {
      const all = [app, ...taskModules(plan, modules)];
      return [{ service: 'worker', title: 'the worker', kind: 'worker', command: ['dramatiq', ...all, '--processes', '2', '--threads', '4'], local: `dramatiq ${all.join(' ')} --processes 1 --threads 2`, healthcheck: ['CMD', 'python', '-m', app, 'check'] }];
    }
    case 'none':
      return [];
  }
}
