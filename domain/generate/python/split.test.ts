import { describe, expect, test } from 'vitest';
import { fitLine, fitSource } from './split';

const long = (n: number): string => 'x'.repeat(n);
const named = (name: string): string => `customer_address_history_entry_${name}`;

describe('fitLine splits as ruff format does', () => {
  test('a short line stays', () => {
    expect(fitLine('x = f(a, b)')).toEqual(['x = f(a, b)']);
  });

  test('a call: its arguments on one indented line when they fit', () => {
    const line = `${long(40)}_router = APIRouter(prefix="/${long(20)}", tags=["${long(20)}"])`;
    expect(fitLine(line)).toEqual([`${long(40)}_router = APIRouter(`, `    prefix="/${long(20)}", tags=["${long(20)}"]`, ')']);
  });

  test('a value without brackets goes into parentheses', () => {
    const line = `        self._${long(40)} = ${long(40)}`;
    expect(fitLine(line)).toEqual([`        self._${long(40)} = (`, `            ${long(40)}`, '        )']);
  });

  test('a call chain: one line inside parentheses, else one call per line', () => {
    const name = `Order${long(30)}`;
    expect(fitLine(`        query = select(${name}).order_by(${name}.id).offset(offset).limit(limit)`)).toEqual([
      '        query = (',
      `            select(${name})`,
      `            .order_by(${name}.id)`,
      '            .offset(offset)',
      '            .limit(limit)',
      '        )',
    ]);
  });

  test('a lone parameter of a split def keeps a trailing comma', () => {
    const line = `def ${long(50)}(session: AsyncSession) -> ${long(30)}:`;
    expect(fitLine(line)).toEqual([`def ${long(50)}(`, '    session: AsyncSession,', `) -> ${long(30)}:`]);
  });

  test('lines of a construct already split, comments and docstrings are left alone', () => {
    const opened = `    item = wiring.${long(50)}(defer).${long(40)}(`;
    expect(fitLine(opened)).toEqual([opened]);
    const source = `"""${long(100)}"""\n# ${long(100)}`;
    expect(fitSource(source)).toBe(source);
  });
});

describe('fitLine: statements, signatures and strings', () => {
  test('a call that fits once its arguments move to their own line', () => {
    const line = `        appointment = AppointmentService().create_appointment(**serializer.validated_data)`;
    expect(fitLine(line)).toEqual(['        appointment = AppointmentService().create_appointment(', '            **serializer.validated_data', '        )']);
  });

  test('an if header keeps its colon after the closing bracket', () => {
    const line = `        if self._patient_repository.patient_record_number_taken(record_number, patient_id):`;
    expect(fitLine(line)).toEqual(['        if self._patient_repository.patient_record_number_taken(', '            record_number, patient_id', '        ):']);
  });

  test('arguments that do not fit on one line go one per line with a trailing comma (ruff format\'s output)', () => {
    const line = `    monkeypatch.setattr("pkg.services.${named('service')}.${named('client')}", lambda *args, **kwargs: client)`;
    expect(fitLine(line)).toEqual(['    monkeypatch.setattr(', `        "pkg.services.${named('service')}.${named('client')}",`, '        lambda *args, **kwargs: client,', '    )']);
  });

  test('brackets and commas inside strings are text', () => {
    const line = `X_BASE_URL = env.str("X_BASE_URL", default="https://example.com/a,b(c)/${named('path')}")`;
    expect(fitLine(line)).toEqual(['X_BASE_URL = env.str(', '    "X_BASE_URL",', `    default="https://example.com/a,b(c)/${named('path')}",`, ')']);
  });

  test('a def splits its parameters, a lone one with a trailing comma; with none, its annotation goes in parentheses', () => {
    const entry = 'customer_address_history_entry';
    expect(fitLine(`    def list_${entry}_rows(self) -> QuerySet[CustomerAddressHistoryEntry]:`)).toEqual(['    def list_customer_address_history_entry_rows(', '        self,', '    ) -> QuerySet[CustomerAddressHistoryEntry]:']);
    expect(fitLine(`def ${entry}_gateway_client() -> CustomerAddressHistoryEntryGatewayClient:`)).toEqual(['def customer_address_history_entry_gateway_client() -> (', '    CustomerAddressHistoryEntryGatewayClient', '):']);
  });

  test('an assignment whose call does not fit even split gets its value parenthesised, split again inside', () => {
    const line = '        entry = CustomerAddressHistoryEntryService().update_customer_address_history_entry(entry_id, serializer.validated_data)';
    expect(fitLine(line)).toEqual([
      '        entry = (',
      '            CustomerAddressHistoryEntryService().update_customer_address_history_entry(',
      '                entry_id, serializer.validated_data',
      '            )',
      '        )',
    ]);
  });

  test('an `or` default splits before the operator; an optional parameter before `| None`', () => {
    expect(fitLine('        self._customer_address_history_entry_repo = customer_address_history_entry_repo or CustomerAddressHistoryEntryRepository()')).toEqual(
      ['        self._customer_address_history_entry_repo = (', '            customer_address_history_entry_repo', '            or CustomerAddressHistoryEntryRepository()', '        )'],
    );
    expect(fitLine('        self._customer_address_history_entry_cache = customer_address_history_entry_cache or EntryCache()')).toEqual(
      ['        self._customer_address_history_entry_cache = (', '            customer_address_history_entry_cache or EntryCache()', '        )'],
    );
    expect(fitLine('        customer_address_history_entry_gateway: CustomerAddressHistoryEntryGatewayClient | None = None,')).toEqual(
      ['        customer_address_history_entry_gateway: CustomerAddressHistoryEntryGatewayClient', '        | None = None,'],
    );
  });

  test('an if condition or an assert too long for one line is parenthesised and split before its comparison', () => {
    expect(fitLine('        if self._customer_address_history_entry_repo.get_customer_address_history_entry(entry_id) is None:')).toEqual(
      ['        if (', '            self._customer_address_history_entry_repo.get_customer_address_history_entry(', '                entry_id', '            )', '            is None', '        ):'],
    );
    expect(fitLine('    assert response.json()["customer_address_history_entry_code"] == changes["customer_address_history_entry_code"]')).toEqual(
      ['    assert (', '        response.json()["customer_address_history_entry_code"]', '        == changes["customer_address_history_entry_code"]', '    )'],
    );
  });

  test('a value that does not fit even in parentheses, a comment, or an unbalanced line stays as it is', () => {
    for (const line of [
      `        message = f"${named('gateway')}: {method} {path} answered {response.status_code}"`,
      `f(${named('a')}, ${named('b')}, ${named('c')})  # why`,
      `x = f(${named('a')}, ${named('b')}, ${named('c')},`,
    ]) {
      expect(fitLine(line)).toEqual([line]);
    }
  });
});

describe('fitLine: where ruff puts parentheses and which bracket it opens', () => {
  test('a conditional expression ending in a subscript goes into parentheses, split before `if` and `else`', () => {
    const line = `        self._backend = backend if backend is not None else caches["${named('cache')}"]`;
    expect(fitLine(line)).toEqual(['        self._backend = (', '            backend', '            if backend is not None', `            else caches["${named('cache')}"]`, '        )']);
  });

  test('a literal dict or list of several items, once split, has one item per line', () => {
    const line = `        body = {"task": "${named('task')}", "id": item_id, "status": "queued"}`;
    expect(fitLine(line)).toEqual(['        body = {', `            "task": "${named('task')}",`, '            "id": item_id,', '            "status": "queued",', '        }']);
  });

  test('a call chain opens the first call whose line up to the next call does not fit', () => {
    const service = named('service');
    expect(fitLine(`        item = wiring.${service}(defer).update_${named('row')}(item_id)`)).toEqual([`        item = wiring.${service}(`, '            defer', `        ).update_${named('row')}(item_id)`]);
    expect(fitLine(`        item = wiring.service(defer).update_${named('row')}(item_id, data)`)).toEqual([`        item = wiring.service(defer).update_${named('row')}(`, '            item_id, data', '        )']);
  });

  test('wide characters count two columns, as ruff measures them', () => {
    const line = `            logger.warning("list analysis registry 注文 delete %s failed: %s", key, error)`;
    expect(line.length).toBeLessThanOrEqual(88);
    expect(fitLine(line)).toEqual(['            logger.warning(', '                "list analysis registry 注文 delete %s failed: %s", key, error', '            )']);
  });

  test('an empty call has nothing to split: the value goes into parentheses only if it then fits', () => {
    const line = `        return self._${named('repository')}.list_${named('rows')}()`;
    expect(fitLine(line)).toEqual([line]);
  });
});
