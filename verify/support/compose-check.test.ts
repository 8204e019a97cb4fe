/** Check 8: the compose file against the Compose specification's JSON schema, plus depends_on sanity. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019';
import { REPO } from './harness.test';

// js-yaml ships no types; the one function used here is typed by hand.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const schema: unknown = JSON.parse(readFileSync(join(REPO, 'verify', 'schema', 'compose-spec.json'), 'utf8'));
// The schema still carries draft-04 `id` keys (strict mode would reject them) and names its
// meta-schema by an http:// address Ajv does not register, so the schema itself is not re-validated.
const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
const validateSchema = ajv.compile(withoutDraft4Ids(schema) as object);

/** Drops the draft-04 `id: "#/..."` annotations, which Ajv 8 refuses; they carry no constraint. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string'));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutDraft4Ids(value)]));
}

interface ComposeFile {
  services?: Record<string, { depends_on?: Record<string, { condition?: string }> | string[]; healthcheck?: { test?: unknown; disable?: boolean } }>;
}

/** Every problem found, as sentences; an empty list means the file is good. */
export function checkCompose(text: string): string[] {
  const doc = yaml.load(text) as ComposeFile;
  const problems: string[] = [];
  if (!validateSchema(doc)) {
    for (const e of validateSchema.errors ?? []) problems.push(`schema: ${e.instancePath || '/'} ${e.message ?? ''}`);
  }
  const services = doc.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    for (const dep of deps) {
      const target = services[dep];
      if (!target) problems.push(`${name} depends on ${dep}, which is not a service`);
      else if (!target.healthcheck?.test || target.healthcheck.disable) problems.push(`${name} depends on ${dep}, which has no healthcheck`);
    }
  }
  return problems;
}
