/**
 * What tests opened and when to close it: one a test opened after that test, one a file opened
 * in beforeAll after the whole file (tests/unit/setup.ts reports the lifecycle). Kept free of
 * app imports, so loading it before a test file never defeats that file's vi.mock.
 */
type Closable = { close(): void };

const openedInTest = new Set<Closable>();
const openedForFile = new Set<Closable>();
let inTest = false;

/** Closes `opened` at the end of the current test, or of the file when opened outside a test. */
export function closeLater<T extends Closable>(opened: T): T {
  (inTest ? openedInTest : openedForFile).add(opened);
  return opened;
}

function closeAll(set: Set<Closable>): void {
  // Closing twice is harmless, so a test may still close one itself to reopen it.
  for (const opened of set) opened.close();
  set.clear();
}

export const lifecycle = {
  testStarted: () => void (inTest = true),
  testFinished: () => {
    inTest = false;
    closeAll(openedInTest);
  },
  fileFinished: () => closeAll(openedForFile),
};
