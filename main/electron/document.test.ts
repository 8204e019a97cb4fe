/** Closing with unsaved changes: asks; Save closes only once saved; a failed or cancelled save keeps the window and asks again. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentState } from './document';

const answers = vi.hoisted(() => ({ next: 0, asked: 0 }));

vi.mock('electron', () => ({
  dialog: {
    showMessageBoxSync: () => {
      answers.asked++;
      return answers.next;
    },
  },
}));

function fakeWindow() {
  let onClose: ((event: { preventDefault: () => void }) => void) | undefined;
  const window = {
    on: (_name: string, listener: typeof onClose) => (onClose = listener),
    setTitle: vi.fn(),
    setDocumentEdited: vi.fn(),
    destroy: vi.fn(),
    webContents: { send: vi.fn() },
  };
  const close = () => {
    const event = { preventDefault: vi.fn() };
    onClose?.(event);
    return event.preventDefault.mock.calls.length > 0 ? 'kept open' : 'closed';
  };
  return { window, close };
}

beforeEach(() => {
  answers.asked = 0;
});

describe('DocumentState', () => {
  it('closes at once without unsaved changes', () => {
    const { window, close } = fakeWindow();
    new DocumentState(window as never, async () => undefined).update('shop.strata', false);
    expect(close()).toBe('closed');
    expect(answers.asked).toBe(0);
  });

  it('on Save, asks the page to save and closes only when the save succeeded', () => {
    const { window, close } = fakeWindow();
    const state = new DocumentState(window as never, async () => undefined);
    state.update('shop.strata', true);
    answers.next = 0;
    expect(close()).toBe('kept open');
    expect(window.webContents.send).toHaveBeenCalledWith('strata:menu-command', 'save-before-close');
    state.savedBeforeClose(true);
    expect(window.destroy).toHaveBeenCalled();
  });

  it('after a failed or cancelled save the window stays, and the next close asks again', () => {
    const { window, close } = fakeWindow();
    const state = new DocumentState(window as never, async () => undefined);
    state.update('shop.strata', true);
    answers.next = 0;
    close();
    state.savedBeforeClose(false);
    expect(window.destroy).not.toHaveBeenCalled();
    // A later, unrelated save must not close the window by surprise.
    state.update('shop.strata', false);
    expect(window.destroy).not.toHaveBeenCalled();
    state.update('shop.strata', true);
    answers.next = 2;
    expect(close()).toBe('kept open');
    expect(answers.asked).toBe(2);
  });

  it("on Don't Save, discards this window's recovered work, then closes", async () => {
    const { window, close } = fakeWindow();
    const discarded = vi.fn(async () => undefined);
    const state = new DocumentState(window as never, discarded);
    state.update('shop.strata', true);
    answers.next = 1;
    close();
    await vi.waitFor(() => expect(window.destroy).toHaveBeenCalled());
    expect(discarded).toHaveBeenCalled();
  });
});
