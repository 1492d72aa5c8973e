import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src-main/core/crypto/digest';

const oneShot = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('hashes a long list in pieces to exactly the hash of its UTF-8 bytes, and any other text whole', () => {
    const list = Array.from({ length: 5000 }, (_, i) => `${i.toString(16).padStart(32, '0')} ${i % 7} ${'ab'.repeat(24)}`).join(',');
    expect(list.length).toBeGreaterThan(3 * 32 * 1024);
    expect(sha256Hex(list)).toBe(oneShot(list));
    const named = `${list}, Zoë 東京 😀`;
    expect(sha256Hex(named)).toBe(oneShot(named));
    expect(sha256Hex('')).toBe(oneShot(''));
  });
});
