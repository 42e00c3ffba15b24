import type { FiltersOf } from '../components/useCommandList';

/**
 * The unit list's filters. The desk holds them (so they survive a trip to a unit card and
 * back), the list edits them and the export dialog exports what they select.
 */
export type UnitFilters = FiltersOf<'estate.units'>;
