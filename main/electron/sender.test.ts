import { describe, expect, it } from 'vitest';
import { isTrustedSender, type Sender } from './sender';

describe('IPC sender check', () => {
  const ours: Sender = {
    frameUrl: 'app://strata/index.html',
    isMainFrame: true,
    senderId: 1,
  };

  it('trusts only our window showing our page', () => {
    expect(isTrustedSender(ours, 1)).toBe(true);
  });

  it('refuses forged senders', () => {
    expect(isTrustedSender({ ...ours, senderId: 2 }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'https://evil.example/renderer/index.html' }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'file:///tmp/evil.html' }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'file:///opt/Strata/resources/app.asar/out/renderer/index.html' }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'app://evil/index.html' }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'app://strata/other.html' }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: undefined }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'not a url' }, 1)).toBe(false);
  });
});
