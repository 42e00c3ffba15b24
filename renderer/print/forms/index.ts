import { printForm, type PrintFormDef } from '../registry';
import { S } from '../strings';
import { TestPage } from './TestPage';

/**
 * The forms of the print engine itself (the alignment test page); each desk's forms (维修单, 放行条,
 * 钥匙登记, 收据) come from its module (renderer/desk-module.tsx `printForms`), its components in its
 * own folder. renderer/desks.ts combines them into one list, refusing a key listed twice.
 */
export const CORE_PRINT_FORMS: readonly PrintFormDef<unknown>[] = [
  printForm({ key: 'test-page', title: S.testPageTitle, defaultPaper: 'a4-portrait', copies: 1, component: TestPage }),
];
