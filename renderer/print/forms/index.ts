import { printForm, type PrintFormDef } from '../registry';
import { S } from '../strings';
import { TestPage } from './TestPage';
import { RECEPTION_PRINT_FORMS } from '../../reception/print/forms';

/**
 * Every printable form, one plain list: desks add theirs here (维修单, 放行条, 钥匙登记, 收据),
 * each component living in its desk's folder.
 */
export const PRINT_FORMS: readonly PrintFormDef<unknown>[] = [
  printForm({ key: 'test-page', title: S.testPageTitle, defaultPaper: 'a4-portrait', copies: 1, component: TestPage }),
  ...RECEPTION_PRINT_FORMS,
];

const byKey = new Map<string, PrintFormDef<unknown>>();
for (const def of PRINT_FORMS) {
  if (!/^[a-z0-9-]{1,40}$/.test(def.key)) throw new Error(`bad form key: ${def.key}`);
  if (byKey.has(def.key)) throw new Error(`form listed twice: ${def.key}`);
  byKey.set(def.key, def);
}

export function getForm(key: string): PrintFormDef<unknown> | undefined {
  return byKey.get(key);
}
