/**
 * tests/unit/test_<worker>_tasks.py: each task run in the test process on the real ORM (once per
 * id, a missing item skipped, a sweep paging through every pending item), and a fresh process
 * finding every task the way the worker command does.
 */
import type { Plan, WorkerPlan } from '../plan/plan';
import { from, indent, plain, pyModule, str, wrapCollection, type PyImport } from '../python/py';
import { wrapAt } from './code';
import type { DjangoModel } from './fields';
import type { DjangoModules } from './layout';
import { sweepName } from './tasks';
import { ormValues, testFn } from './test-values';
import { sweptWorkers, taskModel } from './usage';

export function workerTest(plan: Plan, w: WorkerPlan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): string {
  const imports: PyImport[] = [plain('pytest'), from(modules.core('models'), 'TaskRun')];
  const tasksModule = modules.of('tasks', w);
  const parts = tasksModule.split('.');
  const last = parts[parts.length - 1]!;
  imports.push(from(parts.slice(0, -1).join('.'), last === 'tasks' ? 'tasks' : `${last} as tasks`));
  const blocks = ['pytestmark = pytest.mark.django_db'];
  const model = taskModel(w);
  const m = model ? models.get(model.id) : undefined;
  const repeatable = m !== undefined && !m.fields.some((f) => f.unique && !f.auto) && m.foreignKeys.length >= 0;
  const tests: string[] = [];
  if (m && repeatable) {
    imports.push(from(modules.areaOf(m.app, 'models'), m.cls));
    blocks.push(`def items(count: int) -> list[${m.cls}]:\n    return [new_item() for _ in range(count)]`);
    blocks.push(`def new_item() -> ${m.cls}:\n${indent(wrapAt(1, `return ${m.cls}.objects.create(`, ormValues(m, imports), ')'))}`);
  }
  const dramatiq = plan.options.tasks === 'dramatiq';
  const run = (fn: string, id: string): string => (plan.options.tasks === 'celery' ? `tasks.${fn}.delay(${id}).get()` : plan.options.tasks === 'rq' ? `tasks.${fn}(${id})` : `tasks.${fn}.fn(${id})`);
  for (const t of w.tasks) {
    const ledger = `runs = TaskRun.objects.filter(task=tasks.${t.fn.toUpperCase()})`;
    if (m && repeatable) {
      tests.push(testFn(`test_${t.fn}_runs_once_per_id`, [], [
        '(item,) = items(1)',
        ...(dramatiq ? [run(t.fn, 'item.pk'), run(t.fn, 'item.pk')] : [`assert ${run(t.fn, 'item.pk')} == "done"`, `assert ${run(t.fn, 'item.pk')} == "already-done"`]),
        ledger,
        'assert runs.filter(item_id=item.pk).count() == 1',
      ]));
    }
    tests.push(testFn(`test_${t.fn}_of_a_missing_item_is_skipped`, [], [dramatiq ? run(t.fn, '424242') : `assert ${run(t.fn, '424242')} == "not-found"`, ledger, 'assert not runs.exists()']));
    if (sweptWorkers(plan).has(w.id) && m && repeatable) {
      const sweep = plan.options.tasks === 'celery' ? [`assert tasks.${sweepName(t)}.delay().get() == 4`] : plan.options.tasks === 'rq' ? [`assert tasks.${sweepName(t)}() == 4`] : [`tasks.${sweepName(t)}.send()`, 'run_queued()'];
      if (dramatiq) imports.push(from('collections.abc', 'Callable'));
      tests.push(testFn(`test_${sweepName(t)}_pages_through_every_pending_item`, ['monkeypatch: pytest.MonkeyPatch', ...(dramatiq ? ['run_queued: Callable[[], list[str]]'] : [])], [
        'monkeypatch.setattr(tasks, "SWEEP_BATCH", 2)',
        'created = items(5)',
        run(t.fn, 'created[0].pk'),
        ...sweep,
        ledger,
        'handled = set(runs.values_list("item_id", flat=True))',
        'assert handled == {item.pk for item in created}',
      ]));
    }
  }
  tests.push(registration(plan, w, modules));
  imports.push(plain('os'), plain('subprocess'), plain('sys'));
  return pyModule({ doc: `The ${w.label} worker, run in the test process on the real ORM.`, imports, firstParty: [plan.pkg], blocks: [...blocks, ...tests] });
}

/** A fresh process finds every task the way the worker command does. */
function registration(plan: Plan, w: WorkerPlan, modules: DjangoModules): string {
  const names = w.tasks.flatMap((t) => [t.fn, ...(sweptWorkers(plan).has(w.id) ? [sweepName(t)] : [])]);
  const full = names.map((n) => `${plan.pkg}.${w.snake.replace(/_+$/, '')}.${n}`).sort();
  const module = modules.of('tasks', w);
  let script: string;
  let expected: string[];
  switch (plan.options.tasks) {
    case 'celery':
      script = `"from ${plan.pkg}.celery import app; app.loader.import_default_modules();"\n        "print(sorted(n for n in app.tasks if n.startswith('${plan.pkg}.${w.snake.replace(/_+$/, '')}.')))"`;
      expected = full;
      break;
    case 'rq':
      script = `"import django; django.setup();"\n        "from rq.utils import import_attribute;"\n        "print([import_attribute(n).__name__ for n in ${JSON.stringify(names.map((n) => `${module}.${n}`)).replace(/"/g, "'").replace(/,/g, ', ')}])"`;
      expected = names;
      break;
    default:
      script = `"import django; django.setup();"\n        "from django_dramatiq.management.commands.rundramatiq import Command;"\n        "import importlib, dramatiq;"\n        "[importlib.import_module(m) for m in Command().discover_tasks_modules()];"\n        "print(sorted(a for a in dramatiq.get_broker().get_declared_actors()"\n        " if a.startswith('${plan.pkg}.${w.snake.replace(/_+$/, '')}.')))"`;
      expected = full;
  }
  return `def test_the_worker_command_finds_every_task() -> None:
    script = (
        ${script}
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": ${str(`${plan.pkg}.settings.test`)}}
    run = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    ${wrapCollection('expected = [', expected.map(str), ']', '    ').trimStart()}
    assert run.stdout.strip().splitlines()[-1] == str(expected)`;
}
