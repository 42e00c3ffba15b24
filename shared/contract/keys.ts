/** 钥匙管理: the key register, issue to owners, owner deposits, loans and returns, overdue chasing, losses, the cabinet audit. */
export const keysCommands = {};
