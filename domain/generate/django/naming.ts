/**
 * Names Django itself constrains (NOTES of the reference exports, tried on Django 5.2): app labels
 * unique across INSTALLED_APPS, model attributes that would shadow `Model`'s own, and model
 * classes that would shadow a name the generated modules import.
 */
import { isSafeIdentifier, NameRegistry } from '../plan/naming';

/** Labels of apps every export installs (and `django`, whose tables are `django_*`). */
const RESERVED_LABELS = ['admin', 'auth', 'contenttypes', 'sessions', 'messages', 'staticfiles', 'rest_framework', 'django_rq', 'django_dramatiq', 'core', 'django'];

/** Modules the project package holds itself: a feature app may not take their names. */
const PROJECT_MODULES = ['settings', 'urls', 'wsgi', 'asgi', 'celery', 'schedules', 'apps', 'core', 'models', 'migrations', 'management', 'tests', 'admin', 'apis', 'services', 'selectors', 'tasks', 'clients'];

/** Public attributes of `django.db.models.Model`, and what Django reserves on every model. */
const MODEL_ATTRIBUTES = [
  'adelete', 'arefresh_from_db', 'asave', 'check', 'clean', 'clean_fields', 'date_error_message', 'delete', 'from_db',
  'full_clean', 'get_constraints', 'get_deferred_fields', 'pk', 'prepare_database_save', 'refresh_from_db', 'save',
  'save_base', 'serializable_value', 'unique_error_message', 'validate_constraints', 'validate_unique', 'objects', 'id',
  'DoesNotExist', 'MultipleObjectsReturned', 'Meta',
];

/** Names generated methods and modules use beside model fields (parameters, locals, imports). */
const CODE_NAMES = ['self', 'cls', 'models', 'serializers', 'status', 'transaction', 'logger', 'changes', 'field', 'value', 'request', 'data'];

/** Class names the generated modules import or define: a model class must not take them. */
export const TAKEN_CLASSES = [
  'Any', 'APIView', 'AppConfig', 'AwareDateTimeField', 'BaseCache', 'Callable', 'ConflictError', 'Decimal', 'Iterator',
  'Mapping', 'Migration', 'NotFoundError', 'Outcome', 'PageSerializer', 'PayloadEncoder', 'QuerySet', 'Request', 'Response',
  'Retry', 'Task', 'TaskQueueUnavailableError', 'TaskRun', 'UUID', 'UpstreamRejectedError', 'UpstreamTimeoutError',
  'UpstreamUnavailableError', 'ValidationError', 'APIClient', 'StubBroker', 'Path', 'Celery', 'Config',
];

/** The app label (and module) of a feature: Django's and the project's own names get `_app`. */
export function featureAppName(feature: string, registry: NameRegistry): string {
  const wanted = RESERVED_LABELS.includes(feature) || PROJECT_MODULES.includes(feature) ? `${feature}_app` : feature;
  return registry.claim(feature, wanted);
}

/** The app label of a one-app project (flat, layered): the package, unless Django reserves it. */
export function projectLabel(pkg: string): string {
  return RESERVED_LABELS.includes(pkg) ? `${pkg}_app` : pkg;
}

export function labelRegistry(): NameRegistry {
  return new NameRegistry([...RESERVED_LABELS, ...PROJECT_MODULES]);
}

/**
 * A model attribute from the user's snake name: runs of `_` collapse and a trailing `_` goes
 * (Django refuses both), and a name Django or the generated code needs gets `_field`.
 */
export function fieldAttribute(snake: string, taken: ReadonlySet<string>): string {
  const base = snake.replace(/_+/g, '_').replace(/^_+|_+$/g, '') || 'field';
  const safe = /^[0-9]/.test(base) ? `n${base}` : base;
  return MODEL_ATTRIBUTES.includes(safe) || CODE_NAMES.includes(safe) || taken.has(safe) || !isSafeIdentifier(safe) ? `${safe}_field` : safe;
}

export function isModelAttribute(name: string): boolean {
  return MODEL_ATTRIBUTES.includes(name) || CODE_NAMES.includes(name);
}
