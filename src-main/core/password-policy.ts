import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn score 3 = "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return factory;
}

export interface PasswordRating {
  acceptable: boolean;
  score: number;
  /** A plain sentence saying why, or what would make it stronger. Never contains the password. */
  feedback: string;
}

export function ratePassword(password: string): PasswordRating {
  // Cap the work: zxcvbn is super-linear and only the first 100 characters matter for rating.
  const result = zxcvbn().check(password.slice(0, 100), ['sessionvault', 'session', 'vault', 'therapy', 'therapist']);
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
