import { useEffect, useRef, useState } from 'react';
import type { GoalHit } from '../../../../src-shared/contract/plan';
import type { SearchHit } from '../../../../src-shared/ipc';
import { NOTE_KIND_INFO } from '../../../../src-shared/templates';
import { searchGoals } from '../../actions/plan';
import { openSearchHit, searchNotes } from '../../actions/search';
import { formatIsoDate, plural } from '../../components/format';
import { ClientSelect } from '../../components/ClientSelect';
import { Snippet } from '../../components/Snippet';
import { ErrorMessage } from '../../components/StatusMessage';
import { errorMessage } from '../../errors';
import { GoalHits } from './GoalHits';

const DEBOUNCE_MS = 200;

/** Search over titles, sections, addenda and client names; newest session first, a page at a time. */
export function Search() {
  const [text, setText] = useState('');
  const [clientId, setClientId] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [more, setMore] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  /** The query the results on screen answer, and where its older matches start: they are asked for it, and dropped if it changed meanwhile. */
  const shownFor = useRef<{ text: string; clientId: string; next: number } | null>(null);
  /** After older matches are shown, the first of them takes the focus (the button that asked goes away at the end). */
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const [goals, setGoals] = useState<GoalHit[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!text.trim()) {
      shownFor.current = null;
      setHits(null);
      setMore(false);
      setGoals([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      Promise.all([searchNotes(text, clientId || undefined), searchGoals(text, clientId || undefined)]).then(
        ([page, g]) => {
          if (!current) return;
          shownFor.current = { text, clientId, next: page.next };
          setHits(page.hits);
          setMore(page.more);
          setGoals(g);
          setError(null);
        },
        (e: unknown) => current && setError(errorMessage(e)),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, clientId]);

  useEffect(() => {
    if (focusFrom === null) return;
    list.current?.querySelectorAll<HTMLButtonElement>('button.search-hit')[focusFrom]?.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  const showOlder = () => {
    const shown = hits ?? [];
    const asked = shownFor.current;
    if (!asked) return;
    searchNotes(asked.text, asked.clientId || undefined, asked.next).then(
      (page) => {
        if (shownFor.current !== asked) return;
        shownFor.current = { ...asked, next: page.next };
        const seen = new Set(shown.map((h) => h.noteId));
        setHits([...shown, ...page.hits.filter((h) => !seen.has(h.noteId))]);
        setMore(page.more);
        setError(null);
        setFocusFrom(shown.length);
      },
      (e: unknown) => shownFor.current === asked && setError(errorMessage(e)),
    );
  };

  return (
    <main className="page search">
      <h1>Search</h1>
      <div className="search-row">
        <div className="grow">
          <label htmlFor="search-text">Search notes</label>
          <input id="search-text" type="search" autoFocus value={text} onChange={(e) => setText(e.target.value)} aria-describedby="search-hint" />
        </div>
        <div>
          <ClientSelect id="search-client" value={clientId} onChange={setClientId} onError={setError} />
        </div>
      </div>
      <p id="search-hint" className="hint">
        Titles, sections, free text, addenda and client names, and treatment-plan goals, newest session first. Notes in the trash, and common words such as “the” or “and”, are not searched. The last word also finds the words it starts, from its third letter.
      </p>
      <ErrorMessage text={error} />
      <p role="status" className="hint">
        {hits === null ? '' : hits.length === 0 ? 'No notes match.' : more ? `The newest ${plural(hits.length, 'note')} found; older ones follow.` : `${plural(hits.length, 'note')} found, newest first.`}
      </p>
      {hits && hits.length > 0 && (
        <ol ref={list} className="search-results" aria-label="Search results">
          {hits.map((h) => (
            <li key={h.noteId}>
              <button type="button" className="search-hit" onClick={() => void openSearchHit(h)}>
                <span className="note-title">{h.title || 'Untitled note'}</span>
                <span className="note-date">
                  {formatIsoDate(h.serviceDate)}
                  {h.clientName ? ` · ${h.clientName}` : ''} · {NOTE_KIND_INFO[h.kind].label}
                  {h.signed ? ' · Signed' : ''}
                </span>
                <Snippet text={h.snippet} />
              </button>
            </li>
          ))}
        </ol>
      )}
      {more && (
        <button type="button" onClick={showOlder}>
          Show older matches
        </button>
      )}
      <GoalHits hits={goals} />
    </main>
  );
}
