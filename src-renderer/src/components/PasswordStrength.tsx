import { useEffect, useState } from 'react';
import { ratePassword } from '../actions/credentials';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'];

/** Strength meter: asks main to rate the password (the same rule that accepts or rejects it). */
export function PasswordStrength({ password }: { password: string }) {
  const [rating, setRating] = useState<{ score: number; feedback: string; acceptable: boolean } | null>(null);
  useEffect(() => {
    if (!password) {
      setRating(null);
      return;
    }
    let cancelled = false;
    const t = setTimeout(async () => {
      const rated = await ratePassword(password);
      if (!cancelled && rated) setRating(rated);
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [password]);
  if (!rating) return <p className="hint">At least 12 characters. A few unrelated words work well.</p>;
  return (
    <div className="strength" aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={rating.score} aria-label="Password strength" />
      <span className={rating.acceptable ? 'ok' : 'warn'}>
        {/* An acceptable password gets its strength in one word; a weak one, why and what would help. */}
        {rating.acceptable ? LABELS[rating.score] : `${LABELS[rating.score]}. ${rating.feedback}`}
      </span>
    </div>
  );
}
