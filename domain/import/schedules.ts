/**
 * Scheduled jobs, as the task frameworks' own schedulers declare them: Celery beat's schedule
 * (`beat_schedule = {"name": {"task": "pkg.mod.task", ...}}`, Django's `CELERY_BEAT_SCHEDULE`),
 * RQ's cron (`cron.register(task, queue, name=...)`), rq-scheduler (`scheduler.cron(..., func=task)`)
 * and APScheduler (`scheduler.add_job(task, trigger, id=...)`). Each job is what a scheduler
 * component stands for in code, and the task it runs is the worker it depends on.
 */
import type { PythonTree, SyntaxNode } from './syntax';

export interface ScheduleFact {
  /** 1-based line of the entry. */
  readonly line: number;
  /** The job's own name: the beat-schedule key, RQ's `name=`, APScheduler's `id=`; '' when it has none. */
  readonly label: string;
  /** What it runs: a name or attribute as written (`sweep`, `sweep.send`, `tasks.sweep`), or a Celery task's name. */
  readonly target: string;
  /** The target is a task's registered name (`shop.audit.sweep`), as beat schedules give it, not a Python name. */
  readonly byTaskName: boolean;
  /** The call that registered it (`cron.register`, `scheduler.add_job`); '' for a beat-schedule entry. */
  readonly via: string;
}

/** Words without which a file declares no schedule: most files skip the query altogether. */
const WORDS = /beat_schedule|BEAT_SCHEDULE|\.add_job\(|\.register\(|\.cron\(|\.schedule\(/;

const QUERY = `
(assignment left: (_) @left right: (dictionary) @entries)
((call function: (attribute object: (_) @receiver attribute: (identifier) @method) arguments: (argument_list) @arguments) @call (#any-of? @method "register" "add_job" "cron" "schedule"))
`;

export function mentionsSchedules(text: string): boolean {
  return WORDS.test(text);
}

/** The scheduled jobs of a parsed file, in file order. */
export function readSchedules(tree: PythonTree, lineOf: (node: SyntaxNode) => number): ScheduleFact[] {
  const found: ScheduleFact[] = [];
  for (const match of tree.matches(QUERY)) {
    const captured = new Map(match.captures.map((c) => [c.name, c.node]));
    if (match.pattern === 0) {
      if (/(^|[._])beat_schedule$/i.test(captured.get('left')!.text)) found.push(...beatEntries(captured.get('entries')!, lineOf));
    } else {
      const job = registeredJob(captured.get('receiver')!.text.replace(/\s+/g, ''), captured.get('method')!.text, captured.get('arguments')!);
      if (job) found.push({ ...job, line: lineOf(captured.get('call')!) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** `{"name": {"task": "pkg.mod.task", "schedule": ...}, ...}` */
function beatEntries(entries: SyntaxNode, lineOf: (node: SyntaxNode) => number): ScheduleFact[] {
  const found: ScheduleFact[] = [];
  for (const pair of children(entries)) {
    if (pair.type !== 'pair') continue;
    const label = stringValue(pair.childForFieldName('key'));
    const value = pair.childForFieldName('value');
    if (label === undefined || value?.type !== 'dictionary') continue;
    const task = children(value).find((p) => p.type === 'pair' && stringValue(p.childForFieldName('key')) === 'task');
    const target = stringValue(task?.childForFieldName('value') ?? null);
    if (target) found.push({ line: lineOf(pair), label, target, byTaskName: true, via: '' });
  }
  return found;
}

/** A scheduling call's job: its target (first argument, or `func=`) and its name (`name=` or `id=`). */
function registeredJob(receiver: string, method: string, args: SyntaxNode): Omit<ScheduleFact, 'line'> | undefined {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  for (const arg of children(args)) {
    if (arg.type === 'keyword_argument') keywords.set(arg.childForFieldName('name')?.text ?? '', arg.childForFieldName('value')!);
    else if (arg.type !== 'dictionary_splat' && arg.type !== 'list_splat') positional.push(arg);
  }
  // rq-scheduler's `cron(when, func=...)` and `schedule(when, func=...)` name the function by keyword.
  const targetNode = keywords.get('func') ?? (method === 'register' || method === 'add_job' ? positional[0] : undefined);
  if (!targetNode || (targetNode.type !== 'identifier' && targetNode.type !== 'attribute')) return undefined;
  const label = stringValue(keywords.get('name') ?? keywords.get('id') ?? null) ?? '';
  return { label, target: targetNode.text.replace(/\s+/g, ''), byTaskName: false, via: `${receiver}.${method}` };
}

/** The value of a plain string literal; undefined for anything else (an f-string, a name, a call). */
function stringValue(node: SyntaxNode | null): string | undefined {
  if (node?.type !== 'string') return undefined;
  const parts = children(node);
  if (parts.some((p) => p.type === 'interpolation')) return undefined;
  return parts
    .filter((p) => p.type === 'string_content')
    .map((p) => p.text)
    .join('');
}

function children(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}
