import { useFunctionKey } from '../components/useFunctionKey';

/** F4 = 新登记 / 登记接待 (listed in the F1 help as `newEntry`): the desk opens a blank form, the unit card a prefilled one. */
export function useNewEntryShortcut(handler: () => void, enabled = true): void {
  useFunctionKey('F4', handler, enabled);
}
