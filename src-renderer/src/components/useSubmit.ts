import { useCallback, useState, type FormEvent } from 'react';
import { errorMessage } from '../errors';
import type { Status } from './StatusMessage';

interface RunOptions {
  /** Words around the error's plain sentence, e.g. "Backup failed: …". */
  failText?: (message: string) => string;
  /** Sees the error first (e.g. a retry countdown). */
  onError?: (error: unknown) => void;
}

/**
 * One user action at a time: busy while it runs, its outcome as a status message. The action
 * returns the success text (or nothing); a failure shows the error's plain sentence.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const run = useCallback(async (action: () => Promise<string | void>, options: RunOptions = {}): Promise<boolean> => {
    setBusy(true);
    setStatus(null);
    try {
      const text = await action();
      if (text) setStatus({ ok: true, text });
      return true;
    } catch (e) {
      options.onError?.(e);
      const message = errorMessage(e);
      setStatus({ ok: false, text: options.failText ? options.failText(message) : message });
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  /** A form's onSubmit: no page reload, then run. */
  const onSubmit = (action: () => Promise<string | void>, options?: RunOptions) => (e: FormEvent) => {
    e.preventDefault();
    void run(action, options);
  };

  /** The input the failure was about has changed: its alert no longer applies. */
  const clearFailure = useCallback(() => setStatus((s) => (s && !s.ok ? null : s)), []);

  return { busy, status, setStatus, clearFailure, run, onSubmit };
}
