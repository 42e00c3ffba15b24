import type { Desk } from '../desks';
import { SettingsDesk } from '../settings/SettingsDesk';
import { EstateDesk } from '../estate/EstateDesk';
import { ReceptionDesk } from '../reception/ReceptionDesk';
import { ComingSoon } from './ComingSoon';

/** Which component fills the main area for a desk. New desks replace their ComingSoon line here. */
export function DeskView(props: { desk: Desk; section: string | undefined; onSection(section: string): void }) {
  switch (props.desk.key) {
    case 'settings':
      return <SettingsDesk section={props.section} onSection={props.onSection} />;
    case 'estate':
      return <EstateDesk />;
    case 'reception':
      return <ReceptionDesk />;
    default:
      return <ComingSoon title={props.desk.title} />;
  }
}
