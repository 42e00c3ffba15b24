import { z } from 'zod';
import { zhCN } from 'zod/locales';

/**
 * Chinese validation messages for operators at the counter. The stock zh-CN locale names
 * JavaScript types ("期望 string"), so the common cases get plain wording here and the
 * rest fall back to it. Imported once by the contract, so server and forms say the same.
 */
let installed = false;
export function installChineseErrors(): void {
  if (installed) return;
  installed = true;
  z.config(zhCN());
  z.config({
    customError: (iss) => {
      switch (iss.code) {
        case 'invalid_type':
          if (iss.input === undefined || iss.input === null) return '必填';
          return iss.expected === 'number' || iss.expected === 'int' ? '请输入数字' : '格式不正确';
        case 'too_big':
          if (iss.origin === 'string') return `最多 ${iss.maximum} 个字`;
          if (iss.origin === 'array') return `最多 ${iss.maximum} 项`;
          return `不能大于 ${iss.maximum}`;
        case 'too_small':
          if (iss.origin === 'string') return iss.minimum === 1 ? '必填' : `至少 ${iss.minimum} 个字`;
          if (iss.origin === 'array') return iss.minimum === 1 ? '至少选择一项' : `至少 ${iss.minimum} 项`;
          return `不能小于 ${iss.minimum}`;
        case 'invalid_value':
          return '请从给定选项中选择';
        case 'unrecognized_keys':
          return `不认识的字段：${iss.keys.join('、')}`;
        default:
          return undefined;
      }
    },
  });
}

/** Turn zod issues into the envelope's `fields` map (first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= '不认识的字段';
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Trimmed text with a length cap; every string in every command has one. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, '必填').max(max);
export const id = () => z.number().int().positive();
