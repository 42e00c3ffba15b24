/** 物品放行: applications under the owner/tenant rules, approval against arrears, the numbered pass, the gate check-out. */
export const passesCommands = {};
