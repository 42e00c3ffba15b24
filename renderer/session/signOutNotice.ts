/**
 * Why the app just signed the operator out (too many wrong passwords at the lock screen or when
 * changing the password): left here by the screen that was told, shown by the login page that
 * replaces it, and forgotten once that page has shown it (read and forget are separate, since
 * React's strict mode runs a state initializer twice).
 */
let pending: string | null = null;

export function leaveSignOutNotice(message: string): void {
  pending = message;
}

export function signOutNotice(): string | null {
  return pending;
}

export function forgetSignOutNotice(): void {
  pending = null;
}
