/** models.py (or one module per model behind a barrel), admin.py and apps.py of every app. */
import type { FieldType } from '../../diagram';
import { NameRegistry, pascalName } from '../plan/naming';
import type { Plan } from '../plan/plan';
import { docText, from, pyModule, str, wrap, wrapCollection, type PyImport } from '../python/py';
import type { DjangoField, DjangoModel } from './fields';
import type { DjangoApp, DjangoModules } from './layout';

/** The model field class and its arguments for each drawn type. */
export const MODEL_FIELDS: Readonly<Record<FieldType, { readonly cls: string; readonly args: readonly string[] }>> = {
  str: { cls: 'CharField', args: ['max_length=255'] },
  text: { cls: 'TextField', args: [] },
  int: { cls: 'IntegerField', args: [] },
  float: { cls: 'FloatField', args: [] },
  decimal: { cls: 'DecimalField', args: ['max_digits=12', 'decimal_places=2'] },
  bool: { cls: 'BooleanField', args: [] },
  date: { cls: 'DateField', args: [] },
  datetime: { cls: 'DateTimeField', args: [] },
  uuid: { cls: 'UUIDField', args: [] },
  json: { cls: 'JSONField', args: [] },
};

function fieldLine(f: DjangoField): string {
  const spec = MODEL_FIELDS[f.type];
  const args = [...spec.args];
  if (f.unique) args.push('unique=True');
  if (f.optional) args.push('null=True', 'blank=True');
  if (f.auto) args.push(`${f.auto}=True`);
  if (f.column) args.push(`db_column=${str(f.column)}`);
  return wrap(`${f.attr} = models.${spec.cls}(`, args, ')', '    ');
}

/** How a model module names another model: the class (same module or imported) or `"label.Class"`. */
function reference(model: DjangoModel, target: DjangoModel, modules: DjangoModules, imports: PyImport[]): string {
  if (target.app.module !== model.app.module) return str(`${target.app.label}.${target.cls}`);
  const own = modules.of('models', model.plan);
  const theirs = modules.of('models', target.plan);
  if (own !== theirs) imports.push(from(theirs, target.cls));
  return target.cls;
}

export function modelClass(model: DjangoModel, models: ReadonlyMap<string, DjangoModel>, modules: DjangoModules, imports: PyImport[]): string {
  const lines = model.fields.map(fieldLine);
  for (const fk of model.foreignKeys) {
    const target = models.get(fk.ref.id)!;
    const args = [reference(model, target, modules, imports), 'null=True', 'blank=True', 'on_delete=models.PROTECT', ...(fk.relatedName ? [`related_name=${str(fk.relatedName)}`] : [])];
    lines.push(`    # The drawn edge ${docText(model.plan.label)} -> ${docText(target.plan.label)}: a referenced row cannot be deleted (409).`.slice(0, 88).trimEnd());
    lines.push(wrap(`${fk.attr} = models.ForeignKey(`, args, ')', '    '));
  }
  const meta = model.dbTable ? [`    class Meta:\n        db_table = ${str(model.dbTable)}`] : [];
  const str_ = `    def __str__(self) -> str:\n        return f"${model.cls} {self.pk}"`;
  const body = [lines.join('\n') || '    pass', ...meta, str_].join('\n\n');
  return `class ${model.cls}(models.Model):\n${body}`;
}

const ofApp = (models: ReadonlyMap<string, DjangoModel>, app: DjangoApp): DjangoModel[] => [...models.values()].filter((m) => m.app.module === app.module);

/** Every app's models module(s), admin.py and apps.py. */
export function modelFiles(plan: Plan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): Map<string, string> {
  const files = new Map<string, string>();
  const first = [plan.pkg];
  for (const app of modules.apps) {
    const own = ofApp(models, app);
    const byModule = new Map<string, DjangoModel[]>();
    for (const m of own) {
      const module = modules.of('models', m.plan);
      byModule.set(module, [...(byModule.get(module) ?? []), m]);
    }
    for (const [module, group] of byModule) {
      const imports: PyImport[] = [from('django.db', 'models')];
      const blocks = group.map((m) => modelClass(m, models, modules, imports));
      const doc = group.length === 1 && modules.isPackage(app, 'models') ? `The ${group[0]!.plan.label} model.` : app.feature ? `Models of the ${app.feature.replace(/_/g, ' ')} feature.` : 'The drawn models.';
      files.set(module, pyModule({ doc, imports, firstParty: first, self: module, blocks }));
    }
    if (modules.isPackage(app, 'models')) files.set(`${modules.areaOf(app, 'models')}.__init__`, barrel(app, own, modules, first));
    if (own.length === 0) files.set(modules.areaOf(app, 'models'), pyModule({ doc: 'This app draws no model.', firstParty: first, blocks: [] }));
    files.set(`${app.module}.admin`, adminModule(app, own, modules, first));
    files.set(`${app.module}.apps`, appsModule(plan, app, first));
  }
  return files;
}

function barrel(_app: DjangoApp, models: readonly DjangoModel[], modules: DjangoModules, firstParty: string[]): string {
  const imports = models.map((m) => from(modules.of('models', m.plan), m.cls));
  const names = models.map((m) => str(m.cls)).sort();
  return pyModule({
    doc: 'The drawn models, one module each; Django finds them all through this package.',
    imports,
    firstParty,
    blocks: [wrapCollection('__all__ = [', names, ']')],
  });
}

function adminModule(app: DjangoApp, models: readonly DjangoModel[], modules: DjangoModules, firstParty: string[]): string {
  const imports: PyImport[] = models.length > 0 ? [from('django.contrib', 'admin')] : [];
  const names = new NameRegistry(models.map((m) => m.cls));
  const blocks = models.map((m) => {
    imports.push(from(modules.areaOf(app, 'models'), m.cls));
    const list = (name: string, items: string[]): string[] => (items.length === 0 ? [] : [wrapCollection(`${name} = [`, items.map(str), ']', '    ')]);
    const shown = m.fields.filter((f) => f.type !== 'text' && f.type !== 'json').map((f) => f.attr);
    const lines = [
      ...list('list_display', ['id', ...shown, ...m.foreignKeys.map((fk) => fk.attr)]),
      ...list('list_filter', m.fields.filter((f) => f.type === 'bool').map((f) => f.attr)),
      ...list('search_fields', m.fields.filter((f) => f.type === 'str').map((f) => f.attr)),
      ...list('raw_id_fields', m.foreignKeys.map((fk) => fk.attr)),
    ];
    return `@admin.register(${m.cls})\nclass ${names.claim(m.plan.id, `${m.cls}Admin`)}(admin.ModelAdmin):\n${lines.join('\n')}`;
  });
  const doc = app.feature ? `The admin for the models of the ${app.feature.replace(/_/g, ' ')} feature.` : 'The admin for every drawn model.';
  return pyModule({ doc, imports, firstParty, blocks });
}

function appsModule(plan: Plan, app: DjangoApp, firstParty: string[]): string {
  const what = app.feature ? `The ${app.feature.replace(/_/g, ' ')} feature` : `The project's one app (${plan.layout} layout)`;
  const cls = `${pascalName(app.label)}Config`;
  return pyModule({
    imports: [from('django.apps', 'AppConfig')],
    firstParty,
    blocks: [
      `class ${cls}(AppConfig):
    """${what}: models, services, selectors, APIs and tasks."""

    name = ${str(app.module)}
    label = ${str(app.label)}
    verbose_name = ${str(app.feature || plan.title)}
    default_auto_field = "django.db.models.BigAutoField"`,
    ],
  });
}
