import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract';
import type { CommandError } from '../../shared/result';
import { deskOf } from '../../shared/contract/define';
import type { Desk } from '../../shared/contract/changes';
import { call } from '../api/client';
import { useDeskChanges } from '../api/useDeskChanges';

/**
 * Runs one command and keeps its answer for a page: `value` (null until the first answer, then
 * the last good one), `error` (the last failure, cleared by the next success) and `reload`.
 * The input is plain JSON and compared by value, so a literal written in the render is fine; a new
 * input or a reload runs the command again, and an answer to an older run is dropped. So does a
 * write that changes the command's desk (or one in `refreshOn`): the last good value stays shown
 * until the new one comes.
 */
export function useCommandResult<N extends CommandName>(name: N, input: CommandInput<N>, options: { refreshOn?: readonly Desk[] } = {}) {
  const [value, setValue] = useState<CommandOutput<N> | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    const ticket = ++latest.current;
    void call(name, JSON.parse(inputKey) as CommandInput<N>).then((result) => {
      if (ticket !== latest.current) return;
      if (result.ok) {
        setValue(result.value);
        setError(null);
      } else setError(result.error);
    });
  }, [name, inputKey, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useDeskChanges([deskOf(name), ...(options.refreshOn ?? [])], reload);
  return { value, error, reload };
}
