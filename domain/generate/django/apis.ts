/**
 * Router nodes: thin DRF APIViews (HackSoft's APIs) with plain input and output serializers;
 * they call the service (or read through a drawn selector) and return. The paths live in urls.
 */
import type { FieldType } from '../../diagram';
import { NameRegistry, pascalName } from '../plan/naming';
import type { ActionPlan, Plan, ResourcePlan, RouterPlan } from '../plan/plan';
import { docText, from, indent, pyModule, str, type PyImport } from '../python/py';
import { wrapAt } from './code';
import type { DjangoField, DjangoModel } from './fields';
import type { DjangoModules } from './layout';

const OUTPUT: Readonly<Record<FieldType, readonly [string, readonly string[]]>> = {
  str: ['CharField', []],
  text: ['CharField', []],
  int: ['IntegerField', []],
  float: ['FloatField', []],
  decimal: ['DecimalField', ['max_digits=12', 'decimal_places=2']],
  bool: ['BooleanField', []],
  date: ['DateField', []],
  datetime: ['DateTimeField', []],
  uuid: ['UUIDField', []],
  json: ['JSONField', []],
};

const INPUT: Readonly<Record<FieldType, readonly [string, readonly string[]]>> = {
  str: ['serializers.CharField', ['max_length=255']],
  text: ['serializers.CharField', ['allow_blank=True']],
  int: ['serializers.IntegerField', []],
  float: ['serializers.FloatField', []],
  decimal: ['serializers.DecimalField', ['max_digits=12', 'decimal_places=2']],
  bool: ['serializers.BooleanField', []],
  date: ['serializers.DateField', []],
  datetime: ['AwareDateTimeField', []],
  uuid: ['serializers.UUIDField', []],
  json: ['serializers.JSONField', []],
};

/** One endpoint class: its name, the URL below the router's prefix, and the URL name. */
export interface View {
  readonly cls: string;
  readonly path: string;
  readonly name: string;
  /** The path parameter (`order_id`), when the path takes an id. */
  readonly param?: string;
}

export interface RouterViews {
  readonly router: RouterPlan;
  readonly module: string;
  readonly views: View[];
}

const kebab = (snake: string): string => snake.replace(/_+$/, '').replace(/_/g, '-');
const LOCAL_TAKEN = new Set(['request', 'serializer', 'body', 'status', 'page', 'serializers', 'self', 'response', 'Response', 'item', 'items']);

function outputSerializer(m: DjangoModel): string {
  const field = (f: DjangoField): string => {
    const [cls, args] = OUTPUT[f.type];
    return wrapAt(1, `${f.attr} = serializers.${cls}(`, [...args, ...(f.optional ? ['allow_null=True'] : [])], ')');
  };
  const lines = ['id = serializers.IntegerField()', ...m.fields.map(field), ...m.foreignKeys.map((fk) => `${fk.attr}_id = serializers.IntegerField(allow_null=True)`)];
  return `class ${m.cls}OutputSerializer(serializers.Serializer):\n${indent(lines.join('\n'))}`;
}

function inputSerializer(m: DjangoModel, imports: PyImport[], modules: DjangoModules): string {
  const lines: string[] = [];
  for (const f of m.fields.filter((x) => !x.auto)) {
    const [cls, base] = INPUT[f.type];
    if (cls === 'AwareDateTimeField') imports.push(from(modules.core('fields'), 'AwareDateTimeField'));
    const args = f.optional ? [...base.filter((a) => a !== 'allow_blank=True'), 'allow_null=True', ...(f.type === 'str' || f.type === 'text' ? ['allow_blank=True'] : []), 'required=False', 'default=None'] : [...base];
    lines.push(wrapAt(1, `${f.attr} = ${cls}(`, args, ')'));
  }
  for (const fk of m.foreignKeys) lines.push(wrapAt(1, `${fk.attr}_id = serializers.IntegerField(`, ['allow_null=True', 'required=False', 'default=None'], ')'));
  return `class ${m.cls}InputSerializer(serializers.Serializer):\n${lines.length > 0 ? indent(lines.join('\n')) : '    pass'}`;
}

interface Context {
  readonly imports: PyImport[];
  readonly modules: DjangoModules;
  readonly models: ReadonlyMap<string, DjangoModel>;
  readonly names: NameRegistry;
}

/** The expression that reaches a resource: a fresh service (or selector) per request. */
function provider(ctx: Context, resource: ResourcePlan): { call: string; reads: boolean } {
  const node = resource.provider.node;
  const area = resource.provider.via === 'service' ? 'services' : 'repositories';
  ctx.imports.push(from(ctx.modules.of(area, node), node.cls));
  return { call: `${node.cls}()`, reads: resource.provider.via === 'repository' };
}

function resourceViews(ctx: Context, r: RouterPlan, resource: ResourcePlan, blocks: string[], views: View[]): void {
  const m = ctx.models.get(resource.model.id)!;
  const { call, reads } = provider(ctx, resource);
  const ops = new Set([...resource.operations].filter((op) => !reads || op === 'list' || op === 'get'));
  const one = LOCAL_TAKEN.has(m.snake) ? 'item' : m.snake;
  const many = LOCAL_TAKEN.has(m.plural) ? 'items' : m.plural;
  const param = `${m.snake}_id`;
  const prefix = `${kebab(r.snake)}${resource.own ? '' : `-${kebab(m.plural)}`}`;
  const out = `${m.cls}OutputSerializer`;
  const input = `${m.cls}InputSerializer`;
  const get = reads
    ? `${one} = ${call}.get_${m.snake}(${param})\nif ${one} is None:\n    raise NotFoundError(f"${m.cls} {${param}} not found")`
    : `${one} = ${call}.get_${m.snake}(${param})`;
  if (reads && ops.has('get')) ctx.imports.push(from(ctx.modules.core('errors'), 'NotFoundError'));
  const listMethods: string[] = [];
  if (ops.has('list')) {
    ctx.imports.push(from(ctx.modules.core('pagination'), 'page'));
    listMethods.push(`def get(self, request: Request) -> Response:\n    ${many} = page(${call}.list_${m.plural}(), request)\n    return Response(${out}(${many}, many=True).data)`);
  }
  if (ops.has('create')) {
    listMethods.push(`def post(self, request: Request) -> Response:
    serializer = ${input}(data=request.data)
    serializer.is_valid(raise_exception=True)
    ${one} = ${call}.create_${m.snake}(**serializer.validated_data)
    body = ${out}(${one}).data
    return Response(body, status=status.HTTP_201_CREATED)`);
  }
  if (listMethods.length > 0) {
    const cls = ctx.names.claim(`${r.id}:${m.plan.id}:list`, `${m.cls}ListApi`);
    blocks.push(`class ${cls}(APIView):\n${indent(listMethods.join('\n\n'))}`);
    views.push({ cls, path: resource.path, name: `${prefix}-list` });
  }
  const detail: string[] = [];
  const signature = (verb: string): string => `def ${verb}(self, request: Request, ${param}: int) -> Response:`;
  const cache = pageCache(ctx, r, prefix, param);
  if (ops.has('get') && cache) {
    detail.push(`${signature('get')}
    # Cache-aside of the answer; a change through this API drops it, one made elsewhere
    # shows once the entry expires (the cache's TTL setting).
    body = ${cache.client}.get(${cache.key})
    if body is None:
${indent(get, 2)}
        body = dict(${out}(${one}).data)
        ${cache.client}.set(${cache.key}, body)
    return Response(body)`);
  } else if (ops.has('get')) detail.push(`${signature('get')}\n${indent(get)}\n    return Response(${out}(${one}).data)`);
  const drop = cache ? `\n    ${cache.client}.delete(${cache.key})` : '';
  if (ops.has('update')) {
    detail.push(`${signature('patch')}
    serializer = ${input}(data=request.data, partial=True)
    serializer.is_valid(raise_exception=True)
    ${one} = ${call}.update_${m.snake}(${param}, serializer.validated_data)${drop}
    return Response(${out}(${one}).data)`);
  }
  if (ops.has('delete')) detail.push(`${signature('delete')}\n    ${call}.delete_${m.snake}(${param})${drop}\n    return Response(status=status.HTTP_204_NO_CONTENT)`);
  if (detail.length > 0) {
    const cls = ctx.names.claim(`${r.id}:${m.plan.id}:detail`, `${m.cls}DetailApi`);
    blocks.push(`class ${cls}(APIView):\n${indent(detail.join('\n\n'))}`);
    views.push({ cls, path: `${resource.path}/{id}`, name: `${prefix}-detail`, param });
  }
}

/**
 * The router's drawn cache (its first), used for what a router can cache: the answer of a detail
 * GET, under a key of this router and resource, dropped by the router's own PATCH and DELETE.
 */
function pageCache(ctx: Context, r: RouterPlan, prefix: string, param: string): { client: string; key: string } | undefined {
  const c = r.caches[0];
  if (!c) return undefined;
  ctx.imports.push(from(ctx.modules.of('clients', c), c.cls));
  return { client: `${c.cls}()`, key: `f"api:${prefix}:{${param}}"` };
}

function actionView(ctx: Context, r: RouterPlan, action: ActionPlan, blocks: string[], views: View[]): void {
  const t = action.task;
  const enqueue = `enqueue_${t.fn}`;
  ctx.imports.push(from(ctx.modules.of('tasks', t.worker), enqueue));
  const own = action.model ? ctx.models.get(action.model.id) : undefined;
  const resource = r.resources.find((x) => x.own);
  const param = own ? `${own.snake}_id` : 'item_id';
  const lines: string[] = [];
  let what = 'one id';
  if (own && resource) {
    const { call, reads } = provider(ctx, resource);
    what = `one ${docText(own.plan.label)}`;
    if (reads) {
      ctx.imports.push(from(ctx.modules.core('errors'), 'NotFoundError'));
      lines.push(`if ${call}.get_${own.snake}(${param}) is None:\n    raise NotFoundError(f"${own.cls} {${param}} not found")`);
    } else lines.push(`${call}.get_${own.snake}(${param})`);
  }
  lines.push(`${enqueue}(${param})`, `body = {"task": ${str(t.fn)}, "id": ${param}, "status": "queued"}`, 'return Response(body, status=status.HTTP_202_ACCEPTED)');
  const cls = ctx.names.claim(`${r.id}:${t.worker.id}:${t.fn}`, `${own?.cls ?? pascalName(r.snake)}${pascalName(t.fn)}Api`);
  blocks.push(`class ${cls}(APIView):
    """Enqueues ${t.fn} for ${what}: 202, ${own ? '404 if unknown, ' : ''}503 if the broker
    does not take it."""

    def post(self, request: Request, ${param}: int) -> Response:
${indent(lines.join('\n'), 2)}`);
  views.push({ cls, path: action.path, name: `${kebab(r.snake)}-${t.slug}`, param });
}

/** One apis module per router module (several routers share one in the flat layout). */
export function apiModules(plan: Plan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): { texts: Map<string, string>; routers: RouterViews[] } {
  const byModule = new Map<string, RouterPlan[]>();
  for (const r of plan.routers) byModule.set(modules.of('routes', r), [...(byModule.get(modules.of('routes', r)) ?? []), r]);
  const texts = new Map<string, string>();
  const routers: RouterViews[] = [];
  for (const [module, group] of byModule) {
    const imports: PyImport[] = [from('rest_framework', 'serializers', 'status'), from('rest_framework.request', 'Request'), from('rest_framework.response', 'Response'), from('rest_framework.views', 'APIView')];
    const ctx: Context = { imports, modules, models, names: new NameRegistry() };
    const serializers = new Map<string, string>();
    const blocks: string[] = [];
    for (const r of group) {
      const views: View[] = [];
      for (const resource of r.resources) {
        const m = models.get(resource.model.id)!;
        if (!serializers.has(m.plan.id)) serializers.set(m.plan.id, `${outputSerializer(m)}\n\n\n${inputSerializer(m, imports, modules)}`);
        resourceViews(ctx, r, resource, blocks, views);
      }
      for (const action of r.actions) actionView(ctx, r, action, blocks, views);
      routers.push({ router: r, module, views });
    }
    const doc = group.length === 1 ? `The ${group[0]!.label} router: DRF APIViews, thin, calling services.` : 'The routers: DRF APIViews, thin, calling services.';
    const all = [...serializers.values(), ...blocks];
    const text = all.join('\n');
    const used = imports.map((i) => (i.names ? { ...i, names: i.names.filter((n) => new RegExp(`\\b${n}\\b`).test(text)) } : i)).filter((i) => !i.names || i.names.length > 0);
    texts.set(module, pyModule({ doc, imports: used, firstParty: [plan.pkg], blocks: all }));
  }
  return { texts, routers };
}
