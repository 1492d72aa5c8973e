import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signatureLine } from '../../../../src-shared/document-text';
import { addPreProfileSignedNote } from '../../../fixtures/add-pre-profile-note';
import { FakeClock } from '../../../helpers/fake-clock';
import { caller, createdVault, STRONG_PASSWORD, TEST_PROFILE, value } from '../../../helpers/service';

/** A fresh unlocked vault with no profile yet, and a clock the test moves. */
async function vault() {
  const clock = new FakeClock(new Date(2026, 11, 1, 16, 42).getTime());
  const { service: svc, dataDir } = await createdVault({ now: clock.now });
  return { svc, call: caller(svc), clock, dataDir };
}

describe('clinician profile', () => {
  it('is empty at first, saved whole, and read back; empty optional fields are not kept', async () => {
    const { call } = await vault();
    expect(await call('profile.get', {})).toEqual({ profile: null });
    const saved = await call('profile.update', { ...TEST_PROFILE, name: '  Dana Reyes ', practiceName: 'Harbor Counseling', phone: '', npi: '1234567893' });
    expect(saved).toEqual({ ...TEST_PROFILE, practiceName: 'Harbor Counseling', npi: '1234567893' });
    expect(await call('profile.get', {})).toEqual({ profile: saved });
  });

  it('refuses a missing name or license and an NPI with a wrong check digit, naming the field', async () => {
    const { svc } = await vault();
    for (const [patch, field] of [
      [{ name: ' ' }, 'name'],
      [{ licenseNumber: '' }, 'licenseNumber'],
      [{ npi: '1234567890' }, 'npi'],
      [{ npi: '12345' }, 'npi'],
    ] as const) {
      const res = await svc.invoke('profile.update', { ...TEST_PROFILE, ...patch });
      expect(res.ok ? null : res.error.code).toBe('INVALID_INPUT');
      expect(res.ok ? '' : res.error.message).toContain(field);
    }
    expect(value(await svc.invoke('profile.get', {}))).toEqual({ profile: null });
  });

  it('is not readable while locked', async () => {
    const { svc } = await vault();
    value(await svc.invoke('vault.lock', {}));
    expect(await svc.invoke('profile.get', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});

describe('signatures name the clinician', () => {
  it('refuses to sign before there is a profile, and the note stays an editable draft', async () => {
    const { svc, call } = await vault();
    const note = await call('notes.create', { title: 'Session 4', body: 'Text' });
    const res = await svc.invoke('notes.sign', { id: note.id, baseRev: note.rev });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.ok ? '' : res.error.message).toMatch(/Clinician profile/);
    expect(await call('notes.get', { id: note.id })).toMatchObject({ signed: false, rev: 1 });
    await call('notes.update', { id: note.id, baseRev: 1, body: 'Still editable' });
  });

  it('keeps who signed as they were then: a later change of name or license leaves the signature as it was', async () => {
    const { call, clock } = await vault();
    await call('profile.update', { ...TEST_PROFILE, npi: '1234567893' });
    const note = await call('notes.create', { title: 'Session 4', body: 'Text' });
    const signed = await call('notes.sign', { id: note.id, baseRev: note.rev });
    const before = await call('notes.get', { id: note.id });
    expect(before.signedBy).toEqual({ ...TEST_PROFILE, npi: '1234567893' });
    const line = signatureLine(signed.signedAt, before.signedBy);
    expect(line).toMatch(/^Signed electronically by Dana Reyes, LCSW, CA license 12345, 1 Dec 2026 16:42\b/);

    clock.setTime(clock.now() + 86_400_000);
    await call('profile.update', { name: 'Dana Reyes-Okafor', credential: 'PsyD', licenseNumber: 'PSY 999', licenseState: 'NY' });
    const after = await call('notes.get', { id: note.id });
    expect(after.signedBy).toEqual(before.signedBy);
    expect(signatureLine(after.signedAt!, after.signedBy)).toBe(line);

    // An addendum made now names the clinician as they are now; the signature above is untouched.
    await call('notes.addAddendum', { id: note.id, text: 'Correction.' });
    const withAddendum = await call('notes.get', { id: note.id });
    expect(withAddendum.addenda[0]?.by).toMatchObject({ name: 'Dana Reyes-Okafor', credential: 'PsyD' });
    expect(withAddendum.signedBy).toEqual(before.signedBy);
  });

  it('reads a note signed before signatures named anyone: shown as signed, with a line that says the name was not recorded', async () => {
    const { svc, call, dataDir } = await vault();
    await call('profile.update', TEST_PROFILE);
    value(await svc.invoke('vault.lock', {}));
    const signedAt = new Date(2025, 10, 28, 10, 5).getTime();
    const id = addPreProfileSignedNote(path.join(dataDir, 'vault.db'), STRONG_PASSWORD, {
      title: 'Session 1 (old)',
      body: 'Written before #18.',
      signedAt,
      addendum: { text: 'Old correction.', createdAt: signedAt + 60_000 },
    });
    await call('vault.unlock', { password: STRONG_PASSWORD });
    const note = await call('notes.get', { id });
    expect(note).toMatchObject({ signed: true, signedAt, body: 'Written before #18.' });
    expect(note.signedBy).toBeUndefined();
    expect(note.addenda[0]).toMatchObject({ text: 'Old correction.' });
    expect(note.addenda[0]?.by).toBeUndefined();
    // Today's profile is not put on an old signature.
    expect(signatureLine(note.signedAt!, note.signedBy)).toMatch(/^Signed electronically 28 Nov 2025 10:05 \S+ \(signed before SessionVault recorded the signer's name\)$/);
    expect(signatureLine(note.signedAt!, note.signedBy)).not.toContain('Dana Reyes');
    // Still read-only, and addenda still work (naming today's signer).
    expect(await svc.invoke('notes.update', { id, baseRev: note.rev, body: 'x' })).toMatchObject({ ok: false, error: { code: 'NOTE_SIGNED' } });
    await call('notes.addAddendum', { id, text: 'New correction.' });
    expect((await call('notes.get', { id })).addenda.map((a) => a.by?.name ?? null)).toEqual([null, 'Dana Reyes']);
  });
});
