import { useCommandResult } from '../components/useCommandResult';

/** estate.overview: the estates and their buildings (with unit counts) for the left column. */
export function useOverview() {
  const { value: estates, error, reload } = useCommandResult('estate.overview', {});
  return { estates, error, reload };
}

export type Overview = ReturnType<typeof useOverview>;
