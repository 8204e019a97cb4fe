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

  test('lines of another shape, or with a comment, stay as they are', () => {
    for (const line of [`x = ${long('a')} + ${long('b')} + ${long('c')} + ${long('d')}`, `f(${long('a')}, ${long('b')}, ${long('c')})  # why`, `f(${long('a')}, ${long('b')}).${long('c')}`]) {
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
