/** The outcome of something the user did: a success read out politely, a failure as an alert. */
export interface Status {
  ok: boolean;
  text: string;
}

export function StatusMessage({ status, testId }: { status: Status | null; testId?: string }) {
  if (!status) return null;
  return (
    <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'success' : 'error'} data-testid={testId}>
      {status.text}
    </p>
  );
}

/** A failure only (a form whose success shows elsewhere). */
export function ErrorMessage({ text }: { text: string | null }) {
  return <StatusMessage status={text === null ? null : { ok: false, text }} />;
}
