import { snippetParts } from '../../../src-shared/contract/search';

/** A search snippet as text nodes with <mark> around hits; note text is never parsed as HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="snippet">
      {snippetParts(text).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
