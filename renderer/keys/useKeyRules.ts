import { DEFAULT_KEY_RULES, type KeyRules } from '../../shared/keys';
import { useCommandResult } from '../components/useCommandResult';

/** The office's loan rules (设置 → 钥匙规则) as the forms explain them; the server applies the same ones. */
export function useKeyRules(): KeyRules {
  const { value } = useCommandResult('settings.get', {}, { refreshOn: ['keys'] });
  return value?.keyRules ?? DEFAULT_KEY_RULES;
}
