import { printForm, type PrintFormDef } from '../registry';
import { S } from '../strings';
import { DOCUMENT_PAPERS } from '../../../shared/print';
import { TestPage } from './TestPage';

/**
 * The forms of the print engine itself (the alignment test page); each desk's forms (维修单, 放行条,
 * 钥匙登记, 收据) come from its module (renderer/desk-module.tsx `printForms`), its components in its
 * own folder. renderer/desks.ts combines them into one list, refusing a key listed twice.
 */
export const CORE_PRINT_FORMS: readonly PrintFormDef<unknown>[] = [
  // Sheets and rolls: a ruler and an alignment grid do not fit a 40×30 mm label (a key label lines itself up).
  printForm({ key: 'test-page', title: S.testPageTitle, defaultPaper: 'a4-portrait', papers: DOCUMENT_PAPERS, copies: 1, component: TestPage }),
];
