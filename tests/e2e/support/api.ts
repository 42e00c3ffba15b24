import { expect, request } from '@playwright/test';

type Answer = { ok: boolean; value?: any; error?: { kind: string; message: string } };

/**
 * A signed-in client of a host's command API of its own (cookie and CSRF), for what a test sets up
 * or reads back: `ok(command, input)` expects the command to succeed and gives its value.
 */
export async function apiAs(baseURL: string, who: { login: string; password: string }) {
  const ctx = await request.newContext({ baseURL });
  const post = async (command: string, data: unknown): Promise<Answer> => {
    const { csrf } = (await (await ctx.get('api/session')).json()) as { csrf: string };
    return (await (await ctx.post(`api/${command}`, { headers: { 'x-csrf-token': csrf }, data })).json()) as Answer;
  };
  const login = await post('auth.login', who);
  expect(login.ok, JSON.stringify(login.error)).toBe(true);
  return {
    /** The command's answer as it is, refused or not. */
    post,
    async ok(command: string, data: unknown) {
      const answer = await post(command, data);
      expect(answer.ok, `${command}: ${JSON.stringify(answer.error)}`).toBe(true);
      return answer.value;
    },
    dispose: () => ctx.dispose(),
  };
}

export type ApiClient = Awaited<ReturnType<typeof apiAs>>;
