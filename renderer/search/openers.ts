import type { SearchHit } from '../../shared/contract/search';

export function unitCardHash(unitId: number): string {
  return `#/estate/unit/${unitId}`;
}

/**
 * Opens a hit with its desk's opener (renderer/desk-module.tsx `openers`: an entry number its
 * entry, later a key tag its key); anything else with a unit opens the unit card. False when
 * nothing knows how to.
 */
export function openHit(hit: SearchHit, openers: Readonly<Record<string, (hit: SearchHit) => void>>): boolean {
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
