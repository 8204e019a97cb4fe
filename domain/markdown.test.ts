import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainLines } from './markdown';

describe('parseMarkdown', () => {
  it('reads paragraphs and lists', () => {
    expect(parseMarkdown('Why a queue\nspikes\n\n- orders\n* mail\nafter')).toEqual([
      { type: 'paragraph', lines: [[{ text: 'Why a queue' }], [{ text: 'spikes' }]] },
      { type: 'list', items: [[{ text: 'orders' }], [{ text: 'mail' }]] },
      { type: 'paragraph', lines: [[{ text: 'after' }]] },
    ]);
  });

  it('reads bold and links, and keeps unsafe links as text', () => {
    expect(parseInline('a **b** [docs](https://x.org/a) see https://y.org.')).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'docs', href: 'https://x.org/a' },
      { text: ' see ' },
      { text: 'https://y.org', href: 'https://y.org' },
      { text: '.' },
    ]);
    const unsafe = parseInline('[x](javascript:alert(1)) [f](file:///etc/passwd)');
    expect(unsafe.some((span) => span.href !== undefined)).toBe(false);
    expect(unsafe.map((span) => span.text).join('')).toBe('[x](javascript:alert(1)) [f](file:///etc/passwd)');
  });

  it('gives plain lines for pictures', () => {
    expect(plainLines('**Note**\n- one [a](https://a.b)')).toEqual(['Note', '• one a']);
  });
});
