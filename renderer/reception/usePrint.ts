// The print engine's: every desk opens its forms the same way.
export { useOpenPrint } from '../print/useOpenPrint';
