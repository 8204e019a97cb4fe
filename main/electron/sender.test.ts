import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender';

describe('IPC sender check', () => {
  const ours = 'file:///opt/Strata/resources/app.asar/out/renderer/index.html';

  it('trusts only our window showing our page', () => {
    expect(isTrustedSender(ours, 1, 1)).toBe(true);
  });

  it('refuses forged senders', () => {
    expect(isTrustedSender(ours, 2, 1)).toBe(false);
    expect(isTrustedSender('https://evil.example/renderer/index.html', 1, 1)).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html', 1, 1)).toBe(false);
    expect(isTrustedSender(undefined, 1, 1)).toBe(false);
    expect(isTrustedSender('not a url', 1, 1)).toBe(false);
  });
});
