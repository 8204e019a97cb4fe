/** manage.py, the project package's __init__, wsgi.py, asgi.py and (with Celery) celery.py. */
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, str } from '../python/py';

export function managePy(plan: Plan): string {
  return `#!/usr/bin/env python
${pyModule({
  doc: "Django's command-line utility; development settings unless DJANGO_SETTINGS_MODULE says.",
  imports: [plain('os'), plain('sys')],
  firstParty: [plan.pkg],
  blocks: [
    `def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", ${str(`${plan.pkg}.settings.development`)})
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)`,
    'if __name__ == "__main__":\n    main()',
  ],
}).replace('"""Django s command-line', '"""The command-line')}`;
}

function entry(plan: Plan, kind: 'wsgi' | 'asgi'): string {
  const fn = kind === 'wsgi' ? 'get_wsgi_application' : 'get_asgi_application';
  return pyModule({
    doc: kind === 'wsgi' ? `WSGI entry point for gunicorn: gunicorn ${plan.pkg}.wsgi:application.` : 'ASGI entry point, for an ASGI server (the Dockerfile serves WSGI with gunicorn).',
    imports: [plain('os'), from(`django.core.${kind}`, fn)],
    firstParty: [plan.pkg],
    blocks: [`os.environ.setdefault("DJANGO_SETTINGS_MODULE", ${str(`${plan.pkg}.settings.production`)})\n\napplication = ${fn}()`],
  });
}

export function projectModules(plan: Plan): Map<string, string> {
  const out = new Map<string, string>();
  out.set(`${plan.pkg}.wsgi`, entry(plan, 'wsgi'));
  out.set(`${plan.pkg}.asgi`, entry(plan, 'asgi'));
  out.set(`${plan.pkg}.settings.__init__`, pyModule({ doc: 'Settings split by environment: base, development, production and test.', firstParty: [plan.pkg], blocks: [] }));
  if (plan.options.tasks === 'celery' && plan.broker) {
    out.set(`${plan.pkg}.celery`, pyModule({
      doc: 'The Celery app: configured from Django settings (CELERY_*), tasks autodiscovered from every installed app s tasks module. Workers and beat use the production settings (as gunicorn does) unless DJANGO_SETTINGS_MODULE says otherwise.'.replace(' app s ', ' app '),
      imports: [plain('os'), from('celery', 'Celery')],
      firstParty: [plan.pkg],
      blocks: [`os.environ.setdefault("DJANGO_SETTINGS_MODULE", ${str(`${plan.pkg}.settings.production`)})\n\napp = Celery(${str(plan.pkg)})\napp.config_from_object("django.conf:settings", namespace="CELERY")\napp.autodiscover_tasks()`],
    }));
    out.set(`${plan.pkg}.__init__`, `"""${plan.title.replace(/["\\\n\r]/g, ' ')}: a Django project exported from a Strata diagram."""

# Celery's app loads with Django, so @shared_task binds to it everywhere.
from ${plan.pkg}.celery import app as celery_app

__all__ = ("celery_app",)
`);
  }
  return out;
}
