import { getCommand, type CommandInput, type CommandName, type CommandOutput } from '../shared/contract';
import { fail } from '../shared/result';
import { fieldErrors } from '../shared/zod-zh';
import type { CommandContext, Handlers } from './context';

/**
 * One desk using another's command on the server — a deposited key lent logs a reception entry, a
 * goods pass's approval reads the unit's arrears from the fees desk — by the command's name, through
 * the desks' registry (services.desks), so no desk imports another. It runs inside the calling
 * command's transaction: both commit or neither does. The caller's roles and rules decide, so the
 * called command's access list is not checked again (the key custodian logs the entry as part of a
 * loan she may make); its input is parsed by its own schema, and a refusal keeps its own Chinese words.
 * Audit rows it writes name the calling command, whose part they are.
 */
export async function runDeskCommand<N extends CommandName>(ctx: CommandContext, name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const handler = ctx.services.desks.handlers[name] as Handlers[N] | undefined;
  if (!handler) throw new Error(`${ctx.command} uses ${name}, which no listed desk handles`);
  const def = getCommand(name);
  if (def.approval) throw new Error(`${name} needs its own approval: run it as a command, not from ${ctx.command}`);
  const parsed = def.input.safeParse(input);
  if (!parsed.success) throw fail.validation('填写的内容有误，请检查标红的项目', fieldErrors(parsed.error));
  if (typeof handler === 'function') return (handler as (c: CommandContext, i: unknown) => Promise<CommandOutput<N>>)(ctx, parsed.data);
  const prepared = await handler.prepare({ ...ctx, db: ctx.db }, parsed.data as never);
  return (handler.run as (c: CommandContext, i: unknown, p: unknown) => Promise<CommandOutput<N>>)(ctx, parsed.data, prepared);
}
