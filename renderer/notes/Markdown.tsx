/** A note's light Markdown as React: links are shown, but open only on purpose (Ctrl- or ⌘-click). */
import { memo, type MouseEvent } from 'react';
import { parseMarkdown, type Line } from '../../domain/markdown';

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return parseMarkdown(text).map((block, i) =>
    block.type === 'list' ? (
      <ul key={i}>
        {block.items.map((item, j) => (
          <li key={j}>
            <Spans line={item} />
          </li>
        ))}
      </ul>
    ) : (
      <p key={i}>
        {block.lines.map((line, j) => (
          <span key={j} className="md-line">
            <Spans line={line} />
          </span>
        ))}
      </p>
    ),
  );
});

function Spans({ line }: { line: Line }) {
  return line.map((span, i) => {
    if (span.href) {
      return (
        <a key={i} href={span.href} title={`${span.href} — Ctrl+click to open`} onClick={openOnPurpose} className="nodrag">
          {span.text}
        </a>
      );
    }
    return span.bold ? <strong key={i}>{span.text}</strong> : <span key={i}>{span.text}</span>;
  });
}

/** A plain click selects the note as any click on it would; only a Ctrl- or ⌘-click opens the link. */
function openOnPurpose(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  if (!(event.ctrlKey || event.metaKey)) return;
  event.stopPropagation();
  window.open(event.currentTarget.href, '_blank', 'noopener,noreferrer');
}
