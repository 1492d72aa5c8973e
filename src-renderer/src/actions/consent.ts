import type { Input } from '../../../src-shared/ipc';
import { api, call } from './bridge';

export function listConsents(clientId: string) {
  return call(api().consent.list({ clientId }));
}

export async function addConsent(input: Input<'consent.add'>): Promise<void> {
  await call(api().consent.add(input));
}

export async function revokeConsent(id: string, revokedOn: string): Promise<void> {
  await call(api().consent.revoke({ id, revokedOn }));
}
