import type { ReactNode } from 'react';
import type { Desk, DeskKey } from '../desks';
import { SettingsDesk } from '../settings/SettingsDesk';
import { EstateDesk } from '../estate/EstateDesk';
import { ReceptionDesk } from '../reception/ReceptionDesk';
import { ComingSoon } from './ComingSoon';

interface DeskViewProps {
  desk: Desk;
  section: string | undefined;
  onSection(section: string): void;
}

/** The desks built so far and the component that fills the main area for each. A new desk adds its line here. */
const VIEWS: Partial<Record<DeskKey, (props: DeskViewProps) => ReactNode>> = {
  reception: () => <ReceptionDesk />,
  estate: () => <EstateDesk />,
  settings: (p) => <SettingsDesk section={p.section} onSection={p.onSection} />,
};

export function isBuilt(desk: Desk): boolean {
  return desk.key in VIEWS;
}

/**
 * Where an operator lands: the first built desk of theirs in sidebar order, leaving 设置 for last.
 * Someone whose own desks are all still coming (the key custodian, the cashier) lands on
 * 房屋住户, the unit list and card everyone can use, search first (see `searchFirst`).
 */
export function homeDesk(desks: Desk[]): Desk {
  return desks.find((d) => isBuilt(d) && d.key !== 'settings') ?? desks.find(isBuilt) ?? desks[0]!;
}

/** None of the desks made for this operator's roles is built yet: the counter search is their way in. */
export function searchFirst(desks: Desk[]): boolean {
  return desks.filter((d) => d.roles !== 'all').every((d) => !isBuilt(d));
}

/** Which component fills the main area for a desk; unbuilt desks say so plainly. */
export function DeskView(props: DeskViewProps) {
  const view = VIEWS[props.desk.key];
  return view ? view(props) : <ComingSoon title={props.desk.title} />;
}
