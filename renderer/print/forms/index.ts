import { registerForm } from '../registry';
import { S } from '../strings';
import { TestPage } from './TestPage';
import { receptionDailyForm, receptionHandoverForm, workContactSlipForm } from '../../reception/print/forms';

/**
 * Every printable form. Desks add theirs here (维修单, 放行条, 钥匙登记, 收据, 接待日报), each
 * component living in its desk's folder.
 */
registerForm({ key: 'test-page', title: S.testPageTitle, defaultPaper: 'a4-portrait', copies: 1, component: TestPage });
registerForm(workContactSlipForm);
registerForm(receptionDailyForm);
registerForm(receptionHandoverForm);
