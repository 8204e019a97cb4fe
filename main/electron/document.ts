import { dialog, type BrowserWindow } from 'electron';
import { EVENT_CHANNELS } from '../../preload/api';

/**
 * The window's title and unsaved-changes state, as the renderer reports them; closing with
 * unsaved changes asks first. "Save" closes only once the renderer reports the save succeeded;
 * a failed or cancelled save leaves the window open, still dirty, so the next close asks again.
 */
export class DocumentState {
  private dirty = false;

  /** `discardRecovery` runs when the user closes without saving: they chose to lose that work. */
  constructor(
    private readonly window: BrowserWindow,
    private readonly discardRecovery: () => Promise<void>,
  ) {
    window.on('close', (event) => {
      if (!this.dirty) return;
      event.preventDefault();
      this.askBeforeClosing();
    });
  }

  update(title: string, dirty: boolean): void {
    this.dirty = dirty;
    this.window.setTitle(`${title}${dirty ? ' •' : ''} — Strata`);
    this.window.setDocumentEdited(dirty);
  }

  savedBeforeClose(saved: boolean): void {
    if (saved) this.window.destroy();
  }

  private askBeforeClosing(): void {
    const choice = dialog.showMessageBoxSync(this.window, {
      type: 'warning',
      message: 'Save the changes to this diagram before closing?',
      detail: 'Unsaved changes are lost if you close without saving.',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
    });
    if (choice === 0) {
      this.window.webContents.send(EVENT_CHANNELS.menuCommand, 'save-before-close');
    } else if (choice === 1) {
      void this.discardRecovery().finally(() => this.window.destroy());
    }
  }
}
