/**
 * The one rule for a new password, wherever one is set (first-run setup, changing one's own,
 * an admin creating an operator or resetting a password). The contract's `password()` schema
 * applies it, so the forms show the very message the server answers with.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** The rule in one line, for the help text under every new-password field. */
export const PASSWORD_RULE_SUMMARY = `至少 ${PASSWORD_MIN} 位；不能是常见密码、同一个字符重复或连续的数字字母`;

export const PASSWORD_MESSAGES = {
  tooShort: `密码至少 ${PASSWORD_MIN} 位`,
  tooLong: `密码最多 ${PASSWORD_MAX} 位`,
  control: '密码不能包含控制字符（如换行、制表符）',
  blank: '密码不能全是空格',
  repeated: '密码不能是同一个字符重复',
  run: '密码不能是连续的数字或字母（如 12345678、abcdefgh）',
  common: '这个密码太常见，容易被猜到，请换一个',
} as const;

/**
 * The commonest weak passwords of 8 characters or more, Chinese and international (leaked-list
 * favourites), lower case. Repeats and straight runs (88888888, 12345678) are caught by their
 * own checks and need not be listed.
 */
const COMMON = new Set([
  '11223344', '12341234', '12121212', '12344321', '123123123', '123321123', '1234qwer', '1234abcd',
  '147258369', '159357456', '13141314', '5201314520', '52013141314', '1314520520', '77585210',
  'woaini1314', 'woaini520', 'woaini123', 'iloveyou', 'iloveyou1', 'woshishui', 'zhang123', 'wang1234',
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'changeme', 'welcome1',
  'letmein1', 'sunshine', 'football', 'baseball', 'superman', 'princess', 'trustno1', 'iloveyou!',
  '1qaz2wsx', '1qazxsw2', '1q2w3e4r', '1q2w3e4r5t', 'qazwsxedc', 'zaq12wsx', 'qwertyui', 'qwertyuiop',
  'qwerty123', 'asdfghjk', 'asdfghjkl', 'zxcvbnm1', 'zxcvbnm123', 'a123456789', 'a1234567',
  'a12345678', 'aa123456', 'abc12345', 'abc123456', 'abcd1234', 'qq123456', '123456aa', '123456abc',
  '123qwe123', 'admin123', 'admin888', 'admin1234', 'administrator', '123456789a', '11111111a',
]);

// Cc: C0 and C1 controls (NUL, tab, newline, DEL …) — invisible, and easily typed by accident.
const CONTROL = /\p{Cc}/u;

/** A straight run of digits or letters, up or down (12345678, 87654321, abcdefgh). */
function isRun(text: string): boolean {
  if (!/^([0-9]+|[a-z]+)$/.test(text)) return false;
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  if (step !== 1 && step !== -1) return false;
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) - text.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** What is wrong with a new password, in Chinese, or null when it may be used. */
export function passwordProblem(password: string): string | null {
  if (CONTROL.test(password)) return PASSWORD_MESSAGES.control;
  // The hash normalises the same way (db/auth/password.ts), so full-width digits are the same password.
  const normal = password.normalize('NFKC').toLowerCase();
  if ([...password].length < PASSWORD_MIN) return PASSWORD_MESSAGES.tooShort;
  if (password.length > PASSWORD_MAX) return PASSWORD_MESSAGES.tooLong;
  if (!normal.trim()) return PASSWORD_MESSAGES.blank;
  if (new Set(normal).size === 1) return PASSWORD_MESSAGES.repeated;
  if (isRun(normal)) return PASSWORD_MESSAGES.run;
  if (COMMON.has(normal)) return PASSWORD_MESSAGES.common;
  return null;
}
