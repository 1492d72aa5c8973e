import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn score 3 = "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;

let factory: Promise<ZxcvbnFactory> | undefined;
/**
 * zxcvbn's dictionaries cost ~48 MB of main-process memory, so they are loaded on the first
 * rating (vault creation, a password change, the strength meter), not for a day of unlocking:
 * unlock rates the password only when no score is kept yet.
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
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
