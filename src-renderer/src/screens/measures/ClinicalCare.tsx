import { useCallback, useEffect, useState } from 'react';
import type { Measure } from '../../../../src-shared/contract/measures';
import { listMeasures } from '../../actions/measures';
import { ErrorMessage } from '../../components/StatusMessage';
import { errorMessage } from '../../errors';
import { PlanPanel } from '../plan/PlanPanel';
import { MeasuresPanel } from './MeasuresPanel';
import { toSeries } from '../../../../src-shared/measures/series';

/** Measurement-based care on the client record: the measures with their trends, then the treatment plan that refers to them. */
export function ClinicalCare({ clientId, intakeDate }: { clientId: string; intakeDate?: string }) {
  const [measures, setMeasures] = useState<Measure[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    listMeasures(clientId).then(setMeasures, (e: unknown) => setError(errorMessage(e)));
  }, [clientId]);
  useEffect(reload, [reload]);
  // Treatment starts at intake; without an intake date, at the first measure.
  const treatmentStart = intakeDate ?? measures?.[0]?.date;
  return (
    <>
      <ErrorMessage text={error} />
      <MeasuresPanel clientId={clientId} measures={measures} treatmentStart={treatmentStart} onAdded={reload} />
      <PlanPanel clientId={clientId} series={toSeries(measures ?? [])} treatmentStart={treatmentStart} />
    </>
  );
}
