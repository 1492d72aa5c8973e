import { describe, expect, it } from 'vitest';
import type { ClipboardPort } from '../../../../src-main/core/lock/clipboard-guard';
import type { VaultService } from '../../../../src-main/service';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';
import { FakeClock, settle } from '../../../helpers/fake-clock';

/** A system clipboard in memory. */
class FakeClipboard implements ClipboardPort {
  text = '';
  async readText() {
    return this.text;
  }
  async writeText(text: string) {
    this.text = text;
  }
}

let service: VaultService;

async function setup() {
  const clock = new FakeClock();
  const clipboard = new FakeClipboard();
  ({ service } = await newService({ lockClock: clock, clipboard, flushTimeoutMs: 50 }));
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  return { clock, clipboard };
}

describe('clipboard clearing after copying from a note', () => {
  it('clears copied note text after the setting (30 s by default)', async () => {
    const { clock, clipboard } = await setup();
    clipboard.text = 'Client disclosed passive SI, no plan';
    value(await service.invoke('session.copied', {}));
    await clock.advance(29_000);
    expect(clipboard.text).toBe('Client disclosed passive SI, no plan');
    await clock.advance(1_000);
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone if the user copied something else since', async () => {
    const { clock, clipboard } = await setup();
    clipboard.text = 'from the note';
    value(await service.invoke('session.copied', {}));
    clipboard.text = 'a phone number copied from the browser';
    await clock.advance(60_000);
    expect(clipboard.text).toBe('a phone number copied from the browser');
  });

  it('follows the clipboardClearSeconds setting', async () => {
    const { clock, clipboard } = await setup();
    value(await service.invoke('settings.update', { clipboardClearSeconds: 5 }));
    clipboard.text = 'short lived';
    value(await service.invoke('session.copied', {}));
    await clock.advance(5_000);
    expect(clipboard.text).toBe('');
  });

  it('clears at lock, before the delay', async () => {
    const { clock, clipboard } = await setup();
    clipboard.text = 'copied just before locking';
    value(await service.invoke('session.copied', {}));
    const locking = service.invoke('vault.lock', {});
    await clock.advance(100); // no renderer answers the flush request: the handshake times out
    value(await locking);
    await settle();
    expect(clipboard.text).toBe('');
  });
});
