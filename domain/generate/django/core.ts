/**
 * The `core` app, below every layer: service-layer errors, the DRF exception handler, paging,
 * health checks, the task ledger (a model, so every task is idempotent) and its helpers.
 */
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, type PyImport } from '../python/py';
import type { DjangoModules } from './layout';
import { DJANGO_VERSION } from './migrations';

export const hasTasks = (plan: Plan): boolean => plan.broker !== undefined && plan.workers.length > 0;

export function coreFiles(plan: Plan, modules: DjangoModules): { modules: Map<string, string>; files: Map<string, string> } {
  const first = [plan.pkg];
  const core = (name: string): string => modules.core(name);
  const out = new Map<string, string>();
  out.set(core('apps'), pyModule({
    imports: [from('django.apps', 'AppConfig')],
    firstParty: first,
    blocks: [`class CoreConfig(AppConfig):
    name = "${plan.pkg}.core"
    label = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"`],
  }));
  out.set(core('errors'), ERRORS);
  out.set(core('exceptions'), exceptions(plan, modules));
  out.set(core('pagination'), PAGINATION);
  out.set(core('fields'), FIELDS);
  const files = new Map<string, string>();
  if (hasTasks(plan)) {
    out.set(core('models'), TASK_RUN);
    out.set(core('admin'), pyModule({
      imports: [from('django.contrib', 'admin'), from(core('models'), 'TaskRun')],
      firstParty: first,
      blocks: [`@admin.register(TaskRun)
class TaskRunAdmin(admin.ModelAdmin):
    list_display = ["id", "task", "item_id", "finished_at"]
    list_filter = ["task"]
    search_fields = ["task"]`],
    }));
    out.set(core('ledger'), ledger(modules));
    out.set(core('migrations.__init__'), '');
    files.set(`src/${plan.pkg}/core/migrations/0001_initial.py`, TASK_RUN_MIGRATION);
  } else {
    out.set(core('models'), pyModule({ doc: 'No task ledger: the diagram draws no worker.', firstParty: first, blocks: [] }));
  }
  return { modules: out, files };
}

const ERRORS = pyModule({
  doc: 'Errors the service layer raises; the API layer maps them to HTTP statuses.',
  firstParty: [],
  blocks: [
    'class ApplicationError(Exception):\n    """Base of the errors below; carries a message meant for the API client."""',
    'class NotFoundError(ApplicationError):\n    """The item asked for does not exist (404)."""',
    'class ConflictError(ApplicationError):\n    """The write clashes with stored data: a duplicate or a row still referenced (409)."""',
    'class TaskQueueUnavailableError(ApplicationError):\n    """The broker did not take the task (503); nothing was enqueued."""',
    'class UpstreamUnavailableError(ApplicationError):\n    """An external API failed in a way worth retrying: 5xx or no connection (502)."""',
    'class UpstreamTimeoutError(UpstreamUnavailableError):\n    """An external API did not answer in time (504); retried like any outage."""',
    'class UpstreamRejectedError(ApplicationError):\n    """An external API refused the request (4xx): retrying will not help (502)."""',
  ],
});

function exceptions(plan: Plan, modules: DjangoModules): string {
  const imports: PyImport[] = [
    plain('logging'),
    from('typing', 'Any'),
    from('django.core.exceptions', 'ValidationError as DjangoValidationError'),
    from('django.db', 'IntegrityError'),
    from('django.db.models', 'ProtectedError', 'RestrictedError'),
    from('rest_framework', 'exceptions', 'status'),
    from('rest_framework.response', 'Response'),
    from('rest_framework.serializers', 'as_serializer_error'),
    from('rest_framework.views', 'exception_handler as drf_exception_handler'),
    from(modules.core('errors'), 'ConflictError', 'NotFoundError', 'TaskQueueUnavailableError', 'UpstreamRejectedError', 'UpstreamTimeoutError', 'UpstreamUnavailableError'),
  ];
  return pyModule({
    doc: 'The one DRF exception handler: invalid input answers 422 with the field errors DRF writes, malformed JSON keeps 400, and every other error is a detail message with a clear status.',
    imports,
    firstParty: [plan.pkg],
    blocks: [
      'logger = logging.getLogger(__name__)\n\nCONFLICT = "The data conflicts with stored data (a duplicate or a row still in use)."',
      `def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, exceptions.ValidationError):
        return Response(exc.detail, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
    answer = _status_of(exc)
    if answer is None:
        return drf_exception_handler(exc, context)
    code, detail = answer
    logger.info("%s answered %s: %s", type(exc).__name__, code, exc)
    return Response({"detail": detail}, status=code)`,
      `def _status_of(exc: Exception) -> tuple[int, str] | None:
    if isinstance(exc, NotFoundError):
        return status.HTTP_404_NOT_FOUND, str(exc)
    if isinstance(exc, ConflictError):
        return status.HTTP_409_CONFLICT, str(exc)
    if isinstance(exc, IntegrityError | ProtectedError | RestrictedError):
        return status.HTTP_409_CONFLICT, CONFLICT
    if isinstance(exc, TaskQueueUnavailableError):
        return status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)
    if isinstance(exc, UpstreamTimeoutError):
        return status.HTTP_504_GATEWAY_TIMEOUT, str(exc)
    if isinstance(exc, UpstreamUnavailableError | UpstreamRejectedError):
        return status.HTTP_502_BAD_GATEWAY, str(exc)
    return None`,
    ],
  });
}

const PAGINATION = pyModule({
  doc: 'Offset paging with bounds: a bad offset or limit answers 422, never 500.',
  imports: [from('django.db.models', 'QuerySet'), from('rest_framework', 'serializers'), from('rest_framework.request', 'Request')],
  firstParty: [],
  blocks: [
    'DEFAULT_PAGE_SIZE = 50\nMAX_PAGE_SIZE = 100',
    `class PageSerializer(serializers.Serializer):
    offset = serializers.IntegerField(min_value=0, default=0)
    limit = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE
    )`,
    `def page(queryset: QuerySet, request: Request) -> QuerySet:
    """The slice ?offset=&limit= asks for (validated: 422 when out of range)."""
    params = PageSerializer(data=request.query_params)
    params.is_valid(raise_exception=True)
    offset, limit = params.validated_data["offset"], params.validated_data["limit"]
    return queryset[offset : offset + limit]`,
  ],
});

const FIELDS = pyModule({
  doc: 'Serializer fields shared by the APIs.',
  imports: [from('datetime', 'datetime'), from('django.utils', 'timezone'), from('django.utils.dateparse', 'parse_datetime'), from('rest_framework', 'serializers')],
  firstParty: [],
  blocks: [
    `class AwareDateTimeField(serializers.DateTimeField):
    """A datetime with its offset: a naive one is refused (422), never guessed."""

    default_error_messages = {
        "naive": "Give the time zone: 2026-01-31T09:00:00Z or an offset like +01:00.",
    }

    def to_internal_value(self, value: object) -> datetime:
        if isinstance(value, str):
            parsed = parse_datetime(value.strip())
            if parsed is not None and timezone.is_naive(parsed):
                self.fail("naive")
        return super().to_internal_value(value)`,
  ],
});

const TASK_RUN = pyModule({
  doc: 'The task ledger: one row per finished (task, item id); it makes every task idempotent.',
  imports: [from('django.db', 'models')],
  firstParty: [],
  blocks: [
    `class TaskRun(models.Model):
    task = models.CharField(max_length=200)
    item_id = models.BigIntegerField()
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The ledger's table has the same name in every Strata export, whatever the framework.
        db_table = "task_runs"
        constraints = [
            models.UniqueConstraint(fields=["task", "item_id"], name="task_run_once"),
        ]

    def __str__(self) -> str:
        return f"{self.task}({self.item_id})"`,
  ],
});

const TASK_RUN_MIGRATION = `# Generated by Django ${DJANGO_VERSION}

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='TaskRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('task', models.CharField(max_length=200)),
                ('item_id', models.BigIntegerField()),
                ('finished_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'db_table': 'task_runs',
                'constraints': [models.UniqueConstraint(fields=('task', 'item_id'), name='task_run_once')],
            },
        ),
    ]
`;

function ledger(modules: DjangoModules): string {
  return pyModule({
    doc: 'Runs the work of a task at most once per (task, item id), using the TaskRun ledger.',
    imports: [
      plain('logging'),
      from('collections.abc', 'Callable'),
      from('typing', 'Literal'),
      from('django.db', 'transaction'),
      from('django.db.models', 'QuerySet'),
      from(modules.core('errors'), 'NotFoundError'),
      from(modules.core('models'), 'TaskRun'),
    ],
    firstParty: [modules.pkg],
    blocks: [
      'logger = logging.getLogger(__name__)\n\nOutcome = Literal["done", "already-done", "not-found"]',
      `def run_once(task: str, item_id: int, work: Callable[[int], None]) -> Outcome:
    """Claims the ledger row and works in one transaction: an error undoes both, so
    a retried task starts clean. A second run for the same id waits on the claim,
    then finds it and does nothing. A missing item is a permanent skip."""
    with transaction.atomic():
        _, claimed = TaskRun.objects.get_or_create(task=task, item_id=item_id)
        if not claimed:
            logger.info("%s(%s) already done", task, item_id)
            return "already-done"
        try:
            with transaction.atomic():
                work(item_id)
        except NotFoundError as error:
            logger.warning("%s(%s) skipped: %s", task, item_id, error)
            transaction.set_rollback(True)
            return "not-found"
    return "done"`,
      `def handled_ids(task: str) -> QuerySet[TaskRun]:
    """The ids a task has handled, as a subquery (never loaded into memory)."""
    return TaskRun.objects.filter(task=task).values("item_id")`,
    ],
  });
}
