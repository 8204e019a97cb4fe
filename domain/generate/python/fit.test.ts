import { describe, expect, test } from 'vitest';
import { fitLine, fitLines } from './fit';

const long = (name: string): string => `customer_address_history_entry_${name}`;

describe('fitLine', () => {
  test('a call that fits once its arguments move to their own line', () => {
    const line = `        appointment = AppointmentService().create_appointment(**serializer.validated_data)`;
    expect(fitLine(line)).toBe(['        appointment = AppointmentService().create_appointment(', '            **serializer.validated_data', '        )'].join('\n'));
  });

  test('an if header keeps its colon after the closing bracket', () => {
    const line = `        if self._patient_repository.patient_record_number_taken(record_number, patient_id):`;
    expect(fitLine(line)).toBe(['        if self._patient_repository.patient_record_number_taken(', '            record_number, patient_id', '        ):'].join('\n'));
  });

  test('arguments that do not fit on one line go one per line with a trailing comma (ruff format\'s output)', () => {
    const line = `    monkeypatch.setattr("pkg.services.${long('service')}.${long('client')}", lambda *args, **kwargs: client)`;
    expect(fitLine(line)).toBe(['    monkeypatch.setattr(', `        "pkg.services.${long('service')}.${long('client')}",`, '        lambda *args, **kwargs: client,', '    )'].join('\n'));
  });

  test('brackets and commas inside strings are text', () => {
    const line = `X_BASE_URL = env.str("X_BASE_URL", default="https://example.com/a,b(c)/${long('path')}")`;
    expect(fitLine(line)).toBe(['X_BASE_URL = env.str(', '    "X_BASE_URL",', `    default="https://example.com/a,b(c)/${long('path')}",`, ')'].join('\n'));
  });

  test('a def splits its parameters, a lone one with a trailing comma; with none, its annotation goes in parentheses', () => {
    const entry = 'customer_address_history_entry';
    expect(fitLine(`    def list_${entry}_rows(self) -> QuerySet[CustomerAddressHistoryEntry]:`)).toBe(['    def list_customer_address_history_entry_rows(', '        self,', '    ) -> QuerySet[CustomerAddressHistoryEntry]:'].join('\n'));
    expect(fitLine(`def ${entry}_gateway_client() -> CustomerAddressHistoryEntryGatewayClient:`)).toBe(['def customer_address_history_entry_gateway_client() -> (', '    CustomerAddressHistoryEntryGatewayClient', '):'].join('\n'));
  });

  test('an assignment whose call does not fit even split gets its value parenthesised, split again inside', () => {
    const line = '        entry = CustomerAddressHistoryEntryService().update_customer_address_history_entry(entry_id, serializer.validated_data)';
    expect(fitLine(line)).toBe([
      '        entry = (',
      '            CustomerAddressHistoryEntryService().update_customer_address_history_entry(',
      '                entry_id, serializer.validated_data',
      '            )',
      '        )',
    ].join('\n'));
  });

  test('an `or` default splits before the operator; an optional parameter before `| None`', () => {
    expect(fitLine('        self._customer_address_history_entry_repo = customer_address_history_entry_repo or CustomerAddressHistoryEntryRepository()')).toBe(
      ['        self._customer_address_history_entry_repo = (', '            customer_address_history_entry_repo', '            or CustomerAddressHistoryEntryRepository()', '        )'].join('\n'),
    );
    expect(fitLine('        self._customer_address_history_entry_cache = customer_address_history_entry_cache or EntryCache()')).toBe(
      ['        self._customer_address_history_entry_cache = (', '            customer_address_history_entry_cache or EntryCache()', '        )'].join('\n'),
    );
    expect(fitLine('        customer_address_history_entry_gateway: CustomerAddressHistoryEntryGatewayClient | None = None,')).toBe(
      ['        customer_address_history_entry_gateway: CustomerAddressHistoryEntryGatewayClient', '        | None = None,'].join('\n'),
    );
  });

  test('an if condition or an assert too long for one line is parenthesised and split before its comparison', () => {
    expect(fitLine('        if self._customer_address_history_entry_repo.get_customer_address_history_entry(entry_id) is None:')).toBe(
      ['        if (', '            self._customer_address_history_entry_repo.get_customer_address_history_entry(', '                entry_id', '            )', '            is None', '        ):'].join('\n'),
    );
    expect(fitLine('    assert response.json()["customer_address_history_entry_code"] == changes["customer_address_history_entry_code"]')).toBe(
      ['    assert (', '        response.json()["customer_address_history_entry_code"]', '        == changes["customer_address_history_entry_code"]', '    )'].join('\n'),
    );
  });

  test('a value that does not fit even in parentheses, a comment, or an unbalanced line stays as it is', () => {
    for (const line of [
      `        message = f"${long('gateway')}: {method} {path} answered {response.status_code}"`,
      `f(${long('a')}, ${long('b')}, ${long('c')})  # why`,
      `x = f(${long('a')}, ${long('b')}, ${long('c')},`,
    ]) {
      expect(fitLine(line)).toBe(line);
    }
  });
});

describe('fitLines', () => {
  test('short lines and triple-quoted strings are untouched', () => {
    const doc = `"""\nf(${long('a')}, ${long('b')}, ${long('c')})\n"""`;
    expect(fitLines(`${doc}\nx = f(a, b)\n`)).toBe(`${doc}\nx = f(a, b)\n`);
  });
});
