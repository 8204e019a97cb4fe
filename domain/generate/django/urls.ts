/**
 * urls.py: the admin, /health and /health/ready, and every router's paths. Collection paths
 * have no trailing slash (/api/orders), as in every Strata export. In the feature layout each
 * app has its own urls.py, included under /api/.
 */
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, str, type PyImport } from '../python/py';
import type { RouterViews, View } from './apis';
import { wrapAt } from './code';
import type { DjangoModules } from './layout';

const kebab = (snake: string): string => snake.replace(/_+$/, '').replace(/_/g, '-');

/** `api/orders/<int:order_id>/send-confirmation` from the view's path below the router prefix. */
function route(prefix: string, view: View): string {
  return `${prefix}${view.path.replace('{id}', `<int:${view.param ?? 'item_id'}>`)}`;
}

function patterns(routers: readonly RouterViews[], base: string, imports: PyImport[]): string[] {
  const lines: string[] = [];
  for (const { router, module, views } of routers) {
    if (views.length === 0) continue;
    lines.push(`# The ${router.label.replace(/\s+/g, ' ').replace(/[^\x20-\x7e]/g, '?')} router.`.slice(0, 80).trimEnd());
    for (const v of views) {
      imports.push(from(module, v.cls));
      lines.push(wrapAt(1, 'path(', [str(route(`${base}${kebab(router.snake)}`, v)), `${v.cls}.as_view()`, `name=${str(v.name)}`], '),').replace(/\)$/, '),'));
    }
  }
  return lines.map((l) => (l.endsWith(',') || l.startsWith('#') ? l : `${l},`));
}

/** The readiness checks of the drawn database, broker and caches. */
function readyChecks(plan: Plan, modules: DjangoModules, imports: PyImport[]): string[] {
  const checks = ['"database": health.database(),'];
  if (plan.broker && plan.workers.length > 0) {
    switch (plan.options.tasks) {
      case 'celery':
        imports.push(from(`${plan.pkg}.celery`, 'app as celery_app'));
        checks.push('"broker": health.celery_broker(celery_app),');
        break;
      case 'rq':
        imports.push(plain('django_rq'), from('django.conf', 'settings'));
        checks.push('"broker": health.redis(lambda: django_rq.get_queue(settings.TASK_QUEUE).connection),');
        break;
      case 'dramatiq':
        imports.push(from('django.conf', 'settings'));
        checks.push(plan.broker.engine === 'rabbitmq' ? '"broker": health.rabbitmq(settings.BROKER_URL),' : '"broker": health.redis_url(settings.BROKER_URL),');
        break;
      case 'none':
        break;
    }
  }
  for (const c of plan.caches) {
    const alias = c.snake.replace(/_+$/, '');
    checks.push(`${str(`cache:${alias}`)}: health.cache(${str(alias)}),`);
  }
  void modules;
  return checks;
}

export function urlModules(plan: Plan, modules: DjangoModules, routers: readonly RouterViews[]): Map<string, string> {
  const out = new Map<string, string>();
  const imports: PyImport[] = [from('django.contrib', 'admin'), from('django.urls', 'path'), from(modules.corePackage, 'health')];
  const checks = readyChecks(plan, modules, imports);
  const lines = ['path("admin/", admin.site.urls),', 'path("health", health.live, name="health"),', 'path("health/ready", health.ready(ready_checks), name="health-ready"),'];
  if (plan.layout === 'feature') {
    for (const app of modules.apps) {
      const own = routers.filter((r) => modules.appOf(r.router).module === app.module);
      if (own.every((r) => r.views.length === 0)) continue;
      imports.push(from('django.urls', 'include'));
      lines.push(`path("api/", include(${str(`${app.module}.urls`)})),`);
      const appImports: PyImport[] = [from('django.urls', 'path')];
      const appLines = patterns(own, '', appImports);
      out.set(`${app.module}.urls`, pyModule({ doc: `The routes of the ${app.feature.replace(/_/g, ' ')} feature (under /api/).`, imports: appImports, firstParty: [plan.pkg], blocks: [`urlpatterns = [\n${appLines.map((l) => `    ${l.replace(/\n/g, '\n    ')}`).join('\n')}\n]`] }));
    }
  } else {
    lines.push(...patterns(routers, 'api/', imports));
  }
  out.set(modules.urls, pyModule({
    doc: 'URLs: the admin, the health checks and the API of the drawn routers.',
    imports,
    firstParty: [plan.pkg],
    blocks: [`ready_checks = {\n${checks.map((c) => `    ${c}`).join('\n')}\n}`, `urlpatterns = [\n${lines.map((l) => `    ${l.replace(/\n/g, '\n    ')}`).join('\n')}\n]`],
  }));
  return out;
}
