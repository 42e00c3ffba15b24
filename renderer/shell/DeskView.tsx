import type { DeskEntry, DeskViewProps } from '../desk-module';
import { ComingSoon } from './ComingSoon';

/**
 * Where an operator lands: the first built desk of theirs in sidebar order, leaving 设置 for last.
 * Someone whose own desks are all still coming (the key custodian, the cashier) lands on
 * 房屋住户, the unit list and card everyone can use, search first (see `searchFirst`).
 */
export function homeDesk(desks: DeskEntry[]): DeskEntry {
  return desks.find((d) => d.module && d.key !== 'settings') ?? desks.find((d) => d.module) ?? desks[0]!;
}

/** Desks every role works at (房屋住户, 设置): not what makes an operator's day. */
const EVERYONES = new Set(['estate', 'settings']);

/** None of the desks made for this operator's roles is built yet: the counter search is their way in. */
export function searchFirst(desks: DeskEntry[]): boolean {
  return desks.filter((d) => !EVERYONES.has(d.key)).every((d) => !d.module);
}

/** Which component fills the main area for a desk; unbuilt desks say so plainly. */
export function DeskView(props: DeskViewProps & { desk: DeskEntry }) {
  const View = props.desk.module?.view;
  return View ? <View section={props.section} onSection={props.onSection} /> : <ComingSoon title={props.desk.title} />;
}
