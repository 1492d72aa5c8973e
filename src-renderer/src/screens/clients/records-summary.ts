import type { RecordsCounts } from '../../../../src-shared/contract/export';
import { plural } from '../../components/format';

/** "12 notes (2 unsigned drafts, marked). Left out: psychotherapy notes, 3 unsigned drafts." */
export function recordsSummary(c: RecordsCounts): string {
  const held = `${plural(c.notes, 'note')}${c.unsignedIncluded ? ` (${plural(c.unsignedIncluded, 'unsigned draft')}, marked as such)` : ''}`;
  const leftOut = [
    ...(c.psychotherapy ? ['psychotherapy notes, as the law allows'] : []),
    ...(c.unsigned ? [plural(c.unsigned, 'unsigned draft')] : []),
    ...(c.outsideRange ? [`${plural(c.outsideRange, 'note')} outside the dates`] : []),
    ...(c.trashed ? [`${plural(c.trashed, 'note')} in the trash`] : []),
  ];
  return leftOut.length ? `${held}. Left out: ${leftOut.join(', ')}.` : `${held}.`;
}
