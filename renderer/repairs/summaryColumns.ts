// The columns are declared once with the desk's rules, where the .xlsx export reads them too.
export { SUMMARY_COLUMNS, summaryRows } from '../../shared/repairs-summary';
