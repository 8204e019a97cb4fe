/** A modal message for problems people must read, such as a file that could not be opened. */
import { create } from 'zustand';

interface Message {
  readonly title: string;
  readonly detail: string;
}

const useMessages = create<{ message: Message | null }>(() => ({ message: null }));

export function showMessage(title: string, detail: string): void {
  useMessages.setState({ message: { title, detail } });
}

export function MessageDialog() {
  const message = useMessages((state) => state.message);
  if (!message) return null;
  const close = () => useMessages.setState({ message: null });
  return (
    <div className="modal-backdrop" onClick={close}>
      <div className="modal" role="alertdialog" aria-labelledby="message-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="message-title">{message.title}</h2>
        <pre className="modal-detail">{message.detail}</pre>
        <div className="modal-actions">
          <button type="button" className="primary" autoFocus onClick={close}>
            OK
          </button>
        </div>
      </div>
    </div>
  );
}
