import { useCallback, useEffect, useRef, useState } from 'react';
import type { EstateView } from '../../shared/contract/estate';
import type { CommandError } from '../../shared/result';
import { call } from '../api/client';

/** estate.overview: the estates and their buildings (with unit counts) for the left column. */
export function useOverview() {
  const [estates, setEstates] = useState<EstateView[] | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    void call('estate.overview', {}).then((result) => {
      if (ticket !== latest.current) return;
      if (result.ok) {
        setEstates(result.value);
        setError(null);
      } else setError(result.error);
    });
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { estates, error, reload };
}

export type Overview = ReturnType<typeof useOverview>;
