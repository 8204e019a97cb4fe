/**
 * The one answer to "can this combination export?", shared by generate(), the Export dialog's
 * chooser and preview, the app's export and the command line: which framework and task
 * framework a diagram can export to, and why not when it cannot.
 */
import { FRAMEWORKS, TASK_FRAMEWORKS, type Diagram, type Framework, type TaskFramework } from '../diagram';
import type { GenerateOptions } from './options';
import { WRITERS } from './writers';

export type GenerateErrorCode = 'unsupported-framework' | 'unsupported-broker' | 'workers-without-task-framework';

export interface GenerateError {
  readonly code: GenerateErrorCode;
  readonly message: string;
}

/** Why this diagram cannot export with these options (the diagram's own settings fill the gaps), or undefined when it can. */
export function checkExport(diagram: Diagram, overrides: Partial<GenerateOptions> = {}): GenerateError | undefined {
  const framework = overrides.framework ?? diagram.project.framework;
  const tasks = overrides.tasks ?? diagram.project.tasks;
  return frameworkProblem(framework) ?? tasksProblem(diagram, tasks);
}

function frameworkProblem(framework: Framework): GenerateError | undefined {
  if (WRITERS[framework]) return undefined;
  const available = Object.values(WRITERS).map((writer) => writer.name);
  return { code: 'unsupported-framework', message: `Exporting a ${framework} project is not available yet; choose ${available.join(' or ')}.` };
}

function tasksProblem(diagram: Diagram, tasks: TaskFramework): GenerateError | undefined {
  const workers = diagram.nodes.filter((n) => n.kind === 'worker' || n.kind === 'scheduler');
  if (workers.length > 0 && tasks === 'none') {
    return { code: 'workers-without-task-framework', message: `The diagram has ${workers.length} worker or scheduler node(s), but the task framework is "none"; choose Celery, RQ or Dramatiq.` };
  }
  const rabbit = diagram.nodes.find((n) => n.kind === 'broker' && n.engine === 'rabbitmq');
  if (rabbit && tasks === 'rq') {
    return { code: 'unsupported-broker', message: `RQ works with Redis only, but the broker "${rabbit.name}" is RabbitMQ.` };
  }
  return undefined;
}

/** A few words for a chooser's option label; the full message says the rest. */
const SHORT: Readonly<Record<GenerateErrorCode, string>> = {
  'unsupported-framework': 'not available yet',
  'workers-without-task-framework': 'the diagram has workers',
  'unsupported-broker': 'needs a Redis broker',
};

export interface Choice<T extends string> {
  readonly value: T;
  /** Why this value cannot export this diagram (a few words and the full message); undefined when it can. */
  readonly unavailable?: { readonly short: string; readonly message: string };
}

function unavailable(problem: GenerateError | undefined): Choice<string>['unavailable'] {
  return problem && { short: SHORT[problem.code], message: problem.message };
}

export interface ExportChoices {
  readonly frameworks: ReadonlyArray<Choice<Framework>>;
  readonly tasks: ReadonlyArray<Choice<TaskFramework>>;
}

/** Every framework, each with the reason it cannot export (if any): this does not depend on the diagram. */
export function frameworkChoices(): ReadonlyArray<Choice<Framework>> {
  return FRAMEWORKS.map((value) => ({ value, unavailable: unavailable(frameworkProblem(value)) }));
}

/** Every framework and task framework, each with the reason it cannot export this diagram (if any), for a chooser to show before one is picked. */
export function exportChoices(diagram: Diagram): ExportChoices {
  return {
    frameworks: FRAMEWORKS.map((value) => ({ value, unavailable: unavailable(frameworkProblem(value)) })),
    tasks: TASK_FRAMEWORKS.map((value) => ({ value, unavailable: unavailable(tasksProblem(diagram, value)) })),
  };
}
