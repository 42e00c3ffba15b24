/**
 * Why the app just signed the operator out (too many wrong passwords at the lock screen or when
 * changing the password): left here by the screen that was told, read once by the login page
 * that replaces it.
 */
let pending: string | null = null;

export function leaveSignOutNotice(message: string): void {
  pending = message;
}

export function takeSignOutNotice(): string | null {
  const message = pending;
  pending = null;
  return message;
}
