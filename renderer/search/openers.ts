import type { SearchHit } from '../../shared/contract/search';

/**
 * How each kind of search hit opens. Later desks register theirs (a key tag opens the key,
 * a pass number the pass); anything with a unit opens the unit card.
 */
export const openers: Record<string, (hit: SearchHit) => void> = {};

export function unitCardHash(unitId: number): string {
  return `#/estate/unit/${unitId}`;
}

/** Opens a hit; false when nothing knows how to. */
export function openHit(hit: SearchHit): boolean {
  const opener = openers[hit.kind];
  if (opener) {
    opener(hit);
    return true;
  }
  if (hit.unitId !== null) {
    window.location.hash = unitCardHash(hit.unitId);
    return true;
  }
  return false;
}
