/**
 * Schedulers read from the jobs a project schedules: Celery beat schedules in settings or the
 * app, RQ's cron and APScheduler jobs in a shared module, as real projects and Strata's exports
 * write them. A scheduler depends on the workers whose tasks its jobs run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagram } from '../diagram';
import { generate } from '../generate';
import { loadPythonParser } from '../../main/import/python-parser';
import { checkDrift, importProject, type ImportResult, type PythonParser } from './index';

let parser: PythonParser;
beforeAll(async () => {
  parser = await loadPythonParser();
});

function read(tree: Record<string, string>): ImportResult {
  return importProject({ files: Object.entries(tree).map(([path, text]) => ({ path, text })), skipped: [], folderName: 'shop' }, parser);
}

const schedulers = (d: Diagram) => d.nodes.filter((n) => n.kind === 'scheduler').map((n) => n.name);
const edgesFrom = (d: Diagram, kind: string) => d.edges.filter((e) => e.source.startsWith(`${kind}:`)).map((e) => `${e.source} -> ${e.target}`).sort();

const TASKS = {
  'shop/__init__.py': '',
  'shop/tasks/__init__.py': '',
  'shop/tasks/billing.py': 'from celery import shared_task\n\n@shared_task\ndef send_invoices():\n    pass\n',
  'shop/tasks/reports.py': 'from celery import shared_task\n\n@shared_task\ndef nightly_report():\n    pass\n',
};

describe('a Celery beat schedule', () => {
  it('in Django settings, keyed by job names: one beat scheduler running the tasks it names', () => {
    const { diagram } = read({
      ...TASKS,
      'manage.py': 'import django\n',
      'shop/settings.py': [
        'from celery.schedules import crontab',
        'CELERY_BEAT_SCHEDULE = {',
        '    "invoices-every-morning": {"task": "shop.tasks.billing.send_invoices", "schedule": crontab(hour=7)},',
        '    "report": {"task": "shop.tasks.reports.nightly_report", "schedule": 3600},',
        '}',
        '',
      ].join('\n'),
    });
    expect(schedulers(diagram)).toEqual(['beat']);
    expect(edgesFrom(diagram, 'scheduler')).toEqual(['scheduler:beat -> broker:redis', 'scheduler:beat -> worker:billing', 'scheduler:beat -> worker:reports']);
  });

  it('in the Celery app, with job names that say their scheduler: one scheduler per name', () => {
    const { diagram } = read({
      ...TASKS,
      'shop/tasks/app.py': [
        'from celery import Celery',
        'celery_app = Celery("shop")',
        'celery_app.conf.beat_schedule = {',
        '    "nightly: billing.send_invoices": {"task": "shop.billing.send_invoices", "schedule": 60},',
        '    "hourly: reports.nightly_report": {"task": "shop.reports.nightly_report", "schedule": 60},',
        '}',
        '',
      ].join('\n'),
    });
    expect(schedulers(diagram).sort()).toEqual(['hourly', 'nightly']);
    expect(edgesFrom(diagram, 'scheduler').filter((e) => !e.includes('broker'))).toEqual(['scheduler:hourly -> worker:reports', 'scheduler:nightly -> worker:billing']);
  });
});

describe('a shared schedules.py', () => {
  it("of RQ cron jobs named by their schedulers: one scheduler each, depending on its jobs' workers", () => {
    const { diagram, report } = read({
      'shop/__init__.py': '',
      'shop/tasks/__init__.py': '',
      'shop/tasks/billing.py': 'def send_invoices():\n    pass\n',
      'shop/tasks/reports.py': 'def nightly_report():\n    pass\n',
      'shop/schedules.py': [
        'from rq import cron',
        'from shop.tasks.billing import send_invoices',
        'from shop.tasks.reports import nightly_report',
        'cron.register(send_invoices, "default", name="nightly: billing.send_invoices", cron="0 3 * * *")',
        'cron.register(nightly_report, "default", name="weekly: reports.nightly_report", cron="0 3 * * 0")',
        '',
      ].join('\n'),
      'requirements.txt': 'rq\n',
    });
    expect(schedulers(diagram).sort()).toEqual(['nightly', 'weekly']);
    expect(edgesFrom(diagram, 'scheduler').filter((e) => !e.includes('broker'))).toEqual(['scheduler:nightly -> worker:billing', 'scheduler:weekly -> worker:reports']);
    expect(report.droppedImports).toEqual([]);
  });

  it('of APScheduler jobs added in a function: a heartbeat job is no scheduler, an admin registration no job', () => {
    const { diagram } = read({
      'shop/__init__.py': '',
      'shop/admin.py': 'from django.contrib import admin\nfrom shop.models import Order\nadmin.site.register(Order)\n',
      'shop/tasks/__init__.py': '',
      'shop/tasks/billing.py': 'import dramatiq\n\n@dramatiq.actor\ndef send_invoices():\n    pass\n',
      'shop/schedules.py': [
        'from apscheduler.schedulers.blocking import BlockingScheduler',
        'from shop.tasks.billing import send_invoices',
        'def touch():',
        '    pass',
        'def build():',
        '    scheduler = BlockingScheduler()',
        '    scheduler.add_job(send_invoices.send, "cron", id="nightly: billing.send_invoices")',
        '    scheduler.add_job(touch, "interval", id="heartbeat")',
        '    return scheduler',
        '',
      ].join('\n'),
    });
    expect(schedulers(diagram)).toEqual(['nightly']);
    expect(edgesFrom(diagram, 'scheduler').filter((e) => !e.includes('broker'))).toEqual(['scheduler:nightly -> worker:billing']);
  });
});

describe('an export with an RQ or Dramatiq scheduler, checked against its own diagram (a shared schedules.py warned of an undrawn scheduler)', () => {
  for (const tasks of ['rq', 'dramatiq'] as const) {
    it(`finds the drawn scheduler where the export schedules its jobs, and no undrawn one (${tasks})`, () => {
      const diagram: Diagram = {
        version: 1,
        project: { name: 'shop', framework: 'fastapi', tasks, layout: 'layered' },
        nodes: [
          { id: 'w', kind: 'worker', name: 'indexer', position: { x: 0, y: 0 } },
          { id: 's', kind: 'scheduler', name: 'nightly', position: { x: 0, y: 100 } },
          { id: 'b', kind: 'broker', name: 'queue', engine: 'redis', position: { x: 0, y: 200 } },
        ],
        edges: [
          { id: 'e1', source: 's', target: 'w' },
          { id: 'e2', source: 'w', target: 'b' },
          { id: 'e3', source: 's', target: 'b' },
        ],
      };
      const exported = generate(diagram);
      if (!exported.ok) throw new Error(exported.error.message);
      const files = [...exported.files].map(([path, text]) => ({ path: path.slice(exported.root.length + 1), text }));
      const { code } = importProject({ files, skipped: [], folderName: exported.root }, parser);
      expect(checkDrift(diagram, code)).toEqual([]);
    });
  }
});
