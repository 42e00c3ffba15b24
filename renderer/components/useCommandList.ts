import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { commands, type CommandInput, type CommandName, type CommandOutput } from '../../shared/contract';
import type { Page } from '../../shared/contract/paging';
import type { CommandError } from '../../shared/result';
import { deskOf } from '../../shared/contract/define';
import type { Desk } from '../../shared/contract/changes';
import { call } from '../api/client';
import { useDeskChanges } from '../api/useDeskChanges';
import { useNotify } from './notify';

/** Commands built with listQuery(): they take page/pageSize/sort/filters and answer a Page. */
export type ListCommandName = {
  [N in CommandName]: CommandOutput<N> extends Page<unknown> ? (CommandInput<N> extends { filters?: unknown } ? N : never) : never;
}[CommandName];
export type RowOf<N extends ListCommandName> = CommandOutput<N> extends Page<infer R> ? R : never;
export type FiltersOf<N extends ListCommandName> = CommandInput<N> extends { filters?: infer F } ? NonNullable<F> : never;
export type SortFieldOf<N extends ListCommandName> = CommandInput<N> extends { sort?: infer S } ? NonNullable<S> extends { field: infer F } ? F & string : never : never;
export interface ListSort<F extends string = string> {
  field: F;
  desc: boolean;
}

export const PAGE_SIZES = [50, 100, 200] as const;

/** The fields a list command can sort by, read from its schema so the table never offers more. */
export function sortableFields<N extends ListCommandName>(name: N): readonly SortFieldOf<N>[] {
  const shape = (commands[name].input as unknown as z.ZodObject).shape;
  const sort = shape.sort as unknown as z.ZodOptional<z.ZodObject<{ field: z.ZodEnum }>>;
  return sort.unwrap().shape.field.options as unknown as readonly SortFieldOf<N>[];
}

/**
 * Runs a list command with server-side paging and sorting and keeps its answer.
 * New filters start again at page 1. Stale answers (the operator clicked on) are dropped.
 * After a write that changes the command's desk (or one in `refreshOn`) it runs again on the
 * same page, sort and filters.
 */
export function useCommandList<N extends ListCommandName>(
  name: N,
  filters: FiltersOf<N>,
  options: { sort?: ListSort<SortFieldOf<N>>; pageSize?: number; refreshOn?: readonly Desk[] } = {},
) {
  const notify = useNotify();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(options.pageSize ?? PAGE_SIZES[0]);
  const [sort, setSort] = useState<ListSort<SortFieldOf<N>> | undefined>(options.sort);
  const [data, setData] = useState<{ rows: RowOf<N>[]; total: number }>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  // Filters arrive as fresh objects on every render; compare them by value.
  const filterKey = JSON.stringify(filters);
  const stableFilters = useMemo(() => JSON.parse(filterKey) as FiltersOf<N>, [filterKey]);
  const [seenFilterKey, setSeenFilterKey] = useState(filterKey);
  if (seenFilterKey !== filterKey) {
    setSeenFilterKey(filterKey);
    setPage(1);
  }

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    const input = { page, pageSize, sort, filters: stableFilters } as unknown as CommandInput<N>;
    void call(name, input).then((result) => {
      if (ticket !== latest.current) return;
      setLoading(false);
      if (result.ok) {
        const value = result.value as unknown as Page<RowOf<N>>;
        setData({ rows: value.rows, total: value.total });
        setError(null);
      } else {
        setError(result.error);
        notify.error(result.error);
      }
    });
  }, [name, page, pageSize, sort, stableFilters, generation, notify]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useDeskChanges([deskOf(name), ...(options.refreshOn ?? [])], reload);
  const changePage = useCallback((nextPage: number, nextSize: number) => {
    setPageSize(nextSize);
    setPage(nextPage);
  }, []);
  const changeSort = useCallback((next: ListSort<SortFieldOf<N>> | undefined) => {
    setSort(next);
    setPage(1);
  }, []);

  return { ...data, loading, error, page, pageSize, sort, changePage, changeSort, reload };
}

export type CommandList<N extends ListCommandName> = ReturnType<typeof useCommandList<N>>;
