import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn score 3 = "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;

let factory: Promise<ZxcvbnCore.ZxcvbnFactory> | undefined;
/**
 * zxcvbn's dictionaries cost ~48 MB of main-process memory, so they are loaded on the first
 * rating (vault creation, a password change, the strength meter), not for a day of unlocking:
 * unlock rates the password only when no score is kept yet. `require`, not `import()`: the main
 * bundle leaves these packages out (scripts/build-main.mjs), so even their code is not parsed
 * until then, and the CommonJS bundle resolves them from node_modules (in the asar) as it does pdfmake.
 */
function zxcvbn(): Promise<ZxcvbnCore.ZxcvbnFactory> {
  factory ??= Promise.resolve().then(() => {
    const core = createRequire(import.meta.url)('@zxcvbn-ts/core') as typeof ZxcvbnCore;
    const common = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
    const en = createRequire(import.meta.url)('@zxcvbn-ts/language-en') as typeof ZxcvbnEn;
    return new core.ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
  });
  return factory;
}

export interface PasswordRating {
  acceptable: boolean;
  score: number;
  /** A plain sentence saying why, or what would make it stronger. Never contains the password. */
  feedback: string;
}

export async function ratePassword(password: string): Promise<PasswordRating> {
  // Cap the work: zxcvbn is super-linear and only the first 100 characters matter for rating.
  const result = (await zxcvbn()).check(password.slice(0, 100), ['sessionvault', 'session', 'vault', 'therapy', 'therapist']);
  const score = result.score;
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      acceptable: false,
      score: Math.min(score, 1),
      feedback: `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong, memorable password.`,
    };
  }
  if (score < MIN_SCORE) {
    const hint = result.feedback.warning || result.feedback.suggestions[0] || 'It would be guessed quickly.';
    return { acceptable: false, score, feedback: `Too easy to guess. ${hint}`.trim() };
  }
  return { acceptable: true, score, feedback: score === 4 ? 'Strong password.' : 'Good password.' };
}
