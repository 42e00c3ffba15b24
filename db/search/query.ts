import { parseUnitCode, type UnitCodeQuery } from '../../shared/estate';

/** What a typed search text could be; providers look only at the readings that concern them. */
export interface CounterQuery {
  text: string;
  unit: UnitCodeQuery | null;
  /** Digits only (room numbers, mobiles, ID tails). */
  digits: string | null;
  /** Latin letters only, lower case (pinyin or initials). */
  letters: string | null;
  /** Contains CJK characters (a name, or a plate's province). */
  hanzi: boolean;
  /** Upper-case, separators removed: plates, ID tails ending in X, future tag numbers. */
  compact: string;
}

export function readCounterQuery(raw: string): CounterQuery {
  const text = raw.trim();
  const compact = text.toUpperCase().replace(/[\s·•\-_/]/g, '');
  return {
    text,
    unit: parseUnitCode(text),
    digits: /^\d+$/.test(compact) ? compact : null,
    letters: /^[a-z]+$/i.test(compact) ? compact.toLowerCase() : null,
    hanzi: /[\u4e00-\u9fff]/.test(text),
    compact,
  };
}

/** [from, to) bounds matching every string that starts with `prefix` (index-friendly, unlike LIKE on BINARY columns). */
export function prefixRange(prefix: string): [string, string] {
  return [prefix, prefix + '\u{10FFFF}'];
}
