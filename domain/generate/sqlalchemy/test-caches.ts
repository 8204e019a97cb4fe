/** The conftest fixture both SQLAlchemy rooms (FastAPI, Flask) use to start each test with empty caches. */
import type { Plan } from '../plan/plan';
import { from, type PyImport } from '../python/py';

/**
 * Caches keep their values in the test process (`memory://`), while each test starts from a fresh
 * database whose ids start again at 1: a value cached in one test would answer for another test's row.
 */
export function emptyCaches(plan: Plan, moduleOf: (cache: Plan['caches'][number]) => string): { imports: PyImport[]; blocks: string[] } {
  if (plan.caches.length === 0) return { imports: [], blocks: [] };
  const imports = plan.caches.map((c) => from(moduleOf(c), c.cls));
  const clears = plan.caches.map((c) => `    ${c.cls}._memory.clear()`).join('\n');
  return { imports, blocks: [`@pytest.fixture(autouse=True)\ndef empty_caches() -> None:\n    """A value cached in one test never answers in the next."""\n${clears}`] };
}
