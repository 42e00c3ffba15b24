import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../shared/contract'; // installs the Chinese validation messages, as the app does
import { MAX_FEN, fen, fenToCapitals, formatYuan, monthlyAreaFee, parseYuan, type YuanOptions } from '../../shared/money';

const fenOf = (text: string, options?: YuanOptions) => {
  const r = parseYuan(text, options);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.fen;
};
const refusal = (text: string, options?: YuanOptions) => {
  const r = parseYuan(text, options);
  if (r.ok) throw new Error(`${text} should be refused, read as ${r.fen} fen`);
  return r.message;
};

describe('parseYuan: yuan as typed at the counter → integer fen', () => {
  it('reads the ways a cashier writes ¥1,409.50 as 140950 fen', () => {
    for (const text of [
      '1409.5',
      '1409.50',
      '1,409.50',
      '¥1409.50',
      '¥1,409.50',
      '￥1,409.50', // full-width yen sign
      '１４０９.５０', // full-width digits
      '１，４０９．５０', // full-width comma and point
      '  1409.50  ',
      '\u30001409.5\u3000', // ideographic spaces
      '1409.5元',
      '1409.50 元',
      '¥ 1409.50',
      '¥1,409.50元',
      '001409.50',
    ]) {
      expect(fenOf(text), text).toBe(140950);
    }
  });

  it('reads whole yuan, one decimal and fen only', () => {
    expect(fenOf('100')).toBe(10000);
    expect(fenOf('0.5')).toBe(50);
    expect(fenOf('0.05')).toBe(5);
    expect(fenOf('12.')).toBe(1200);
    expect(fenOf('1,000,000')).toBe(100_000_000);
  });

  it('reads the largest amount and refuses one fen more', () => {
    expect(fenOf('999,999,999.99')).toBe(MAX_FEN);
    expect(MAX_FEN).toBe(99_999_999_999);
    expect(Number.isSafeInteger(MAX_FEN * 100)).toBe(true);
    expect(refusal('1,000,000,000')).toBe('金额不能超过 ¥999,999,999.99');
    expect(refusal('99999999999999999999999')).toBe('金额不能超过 ¥999,999,999.99');
    expect(refusal('-1000000000', { allowNegative: true })).toBe('金额不能超过 ¥999,999,999.99');
  });

  it('is exact where yuan × 100 in floating point is not (0.29, 4.35, 1.15)', () => {
    expect(fenOf('0.29')).toBe(29); // 0.29 * 100 === 28.999999999999996
    expect(fenOf('4.35')).toBe(435); // 4.35 * 100 === 434.99999999999994
    expect(fenOf('1.15')).toBe(115); // 1.15 * 100 === 114.99999999999999
    expect(fenOf('999999999.99')).toBe(99_999_999_999);
  });

  it('refuses blank and what is not an amount, with a Chinese message', () => {
    expect(refusal('')).toBe('请输入金额');
    expect(refusal('   ')).toBe('请输入金额');
    expect(refusal('¥')).toBe('请输入金额');
    for (const text of ['abc', '12a', '1.2.3', '.5', '1 409', '1,40', '14,09.50', '1409,5', '¥¥1', '一百', '1e3', 'Infinity', 'NaN', '0x10', '+-1']) {
      expect(refusal(text), text).toBe('金额格式不正确，请输入如 1409.50 的数字');
    }
  });

  it('refuses more than two decimals, even trailing zeros', () => {
    expect(refusal('1.005')).toBe('金额最多两位小数（到分）');
    expect(refusal('1.500')).toBe('金额最多两位小数（到分）');
  });

  it('refuses negatives unless allowed; reads them when allowed, in the way formatYuan writes them', () => {
    expect(refusal('-1')).toBe('金额不能为负数');
    expect(refusal('-¥1,409.50')).toBe('金额不能为负数');
    expect(fenOf('-¥1,409.50', { allowNegative: true })).toBe(-140950);
    expect(fenOf('¥-1409.5', { allowNegative: true })).toBe(-140950);
    expect(fenOf('－１４０９.５０', { allowNegative: true })).toBe(-140950); // full-width minus
    expect(fenOf('\u22121409.50', { allowNegative: true })).toBe(-140950); // typographic minus
    expect(fenOf('-0', { allowNegative: true })).toBe(0);
    expect(Object.is(fenOf('-0.00', { allowNegative: true }), 0)).toBe(true); // never -0
  });

  it('takes zero by default and refuses it when the form needs an amount', () => {
    expect(fenOf('0')).toBe(0);
    expect(fenOf('0.00')).toBe(0);
    expect(Object.is(fenOf('-0'), 0)).toBe(true); // "-0" is zero, not a negative
    expect(refusal('0', { allowZero: false })).toBe('金额必须大于 0');
    expect(refusal('0.00', { allowZero: false })).toBe('金额必须大于 0');
    expect(fenOf('0.01', { allowZero: false })).toBe(1);
  });
});

describe('formatYuan: fen → ¥1,409.50', () => {
  it('writes yuan with thousands separators and two decimals', () => {
    expect(formatYuan(140950)).toBe('¥1,409.50');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(100)).toBe('¥1.00');
    expect(formatYuan(100_000)).toBe('¥1,000.00');
    expect(formatYuan(99_999)).toBe('¥999.99');
    expect(formatYuan(10_700_053)).toBe('¥107,000.53');
    expect(formatYuan(MAX_FEN)).toBe('¥999,999,999.99');
  });

  it('writes negatives with the sign before the yen sign', () => {
    expect(formatYuan(-140950)).toBe('-¥1,409.50');
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(formatYuan(-0)).toBe('¥0.00');
  });

  it('throws on anything but a safe integer (a float here is a bug upstream)', () => {
    for (const bad of [0.5, 1409.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => formatYuan(bad), String(bad)).toThrow(/整数/);
    }
  });

  it('round-trips through parseYuan for 0…10,000 fen and random large amounts', () => {
    const samples: number[] = [];
    for (let f = 0; f <= 10_000; f++) samples.push(f);
    // A fixed-seed generator keeps failures reproducible (mulberry32).
    let seed = 20261130;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let i = 0; i < 20_000; i++) samples.push(Math.floor(random() * (MAX_FEN + 1)));
    samples.push(MAX_FEN, MAX_FEN - 1, 100_000_000_00, 99_999_999_00);
    const misread = samples.flatMap((f) => {
      const positive = parseYuan(formatYuan(f));
      const negative = parseYuan(formatYuan(-f), { allowNegative: true });
      const ok = positive.ok && positive.fen === f && negative.ok && Object.is(negative.fen, -f || 0);
      return ok ? [] : [{ f, text: formatYuan(f), positive, negative }];
    });
    expect(misread).toEqual([]);
  });
});

describe('fenToCapitals: 人民币大写 by the People’s Bank of China rules', () => {
  const expectCapitals = (cases: [number, string][]) => {
    expect(cases.map(([f]) => [f, fenToCapitals(f)])).toEqual(cases);
  };

  // Examples quoted from 中国人民银行《正确填写票据和结算凭证的基本规定》 (《支付结算办法》附件一,
  // 银发〔1997〕393号): 第二条 on 整, 第四条 1–4 on 零.
  it('writes the People’s Bank examples', () => {
    // 第四条 1：「阿拉伯数字中间有"0"时，中文大写金额要写"零"字。如￥1409.50，应写成人民币壹仟肆佰零玖元伍角。」
    expect(fenToCapitals(140950)).toBe('壹仟肆佰零玖元伍角');
    // 第四条 2：「阿拉伯数字中间连续有几个"0"时，中文大写金额中间可以只写一个"零"字。如￥6007.14，应写成人民币陆仟零柒元壹角肆分。」
    expect(fenToCapitals(600714)).toBe('陆仟零柒元壹角肆分');
    // 第四条 3：「…如￥1680.32，应写成人民币壹仟陆佰捌拾元零叁角贰分，或者写成人民币壹仟陆佰捌拾元叁角贰分」 — we write the first form.
    expect(fenToCapitals(168032)).toBe('壹仟陆佰捌拾元零叁角贰分');
    // 第四条 3：「又如￥107000.53，应写成人民币壹拾万柒仟元零伍角叁分，或者写成人民币壹拾万零柒仟元伍角叁分」 — the first form.
    expect(fenToCapitals(10_700_053)).toBe('壹拾万柒仟元零伍角叁分');
    // 第四条 4：「阿拉伯金额数字角位是"0"，而分位不是"0"时，中文大写金额"元"后面应写"零"字。
    //          如￥16409.02，应写成人民币壹万陆仟肆佰零玖元零贰分；又如￥325.04，应写成人民币叁佰贰拾伍元零肆分。」
    expect(fenToCapitals(1_640_902)).toBe('壹万陆仟肆佰零玖元零贰分');
    expect(fenToCapitals(32504)).toBe('叁佰贰拾伍元零肆分');
  });

  it('ends whole yuan in 整, and writes nothing after 角 or 分', () => {
    // 第二条：「中文大写金额数字到"元"为止的，在"元"之后，应写"整"（或"正"）字，在"角"之后可以不写"整"（或"正"）字。
    //            大写金额数字有"分"的，"分"后面不写"整"（或"正"）字。」 — we write 整, and nothing after 角.
    expectCapitals([
      [10_000, '壹佰元整'],
      [100, '壹元整'],
      [1_000, '壹拾元整'],
      [1_500, '壹拾伍元整'],
      [1_550, '壹拾伍元伍角'],
      [1_555, '壹拾伍元伍角伍分'],
    ]);
  });

  it('writes zero, 角 and 分 only', () => {
    expectCapitals([
      [0, '零元整'],
      [5, '伍分'],
      [50, '伍角'],
      [55, '伍角伍分'],
      [1, '壹分'],
    ]);
  });

  it('writes 零 after 元 when 元 or 角 is zero and a smaller digit follows', () => {
    expectCapitals([
      [1_005, '壹拾元零伍分'],
      [1_050, '壹拾元零伍角'],
      [10_002, '壹佰元零贰分'],
      [168_002, '壹仟陆佰捌拾元零贰分'],
    ]);
  });

  it('handles the 万 and 亿 boundaries with one 零 per run of zeros', () => {
    expectCapitals([
      [1_000_000, '壹万元整'],
      [10_000_000_000, '壹亿元整'],
      [10_001_000_000, '壹亿零壹万元整'],
      [100_000_100, '壹佰万零壹元整'],
      [10_000_000_100, '壹亿零壹元整'],
      [10_100_000_000, '壹亿零壹佰万元整'],
      [1_000_010_000, '壹仟万零壹佰元整'],
      [1_000_000_000, '壹仟万元整'],
      [1_001_000_000, '壹仟零壹万元整'],
      [1_100_000, '壹万壹仟元整'],
      [1_010_000, '壹万零壹佰元整'],
      [10_000_000_050, '壹亿元零伍角'],
      [10_000_000_001, '壹亿元零壹分'],
      [12_345_678_901, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分'],
    ]);
  });

  it('writes the largest amount and refuses anything past it', () => {
    expect(fenToCapitals(MAX_FEN)).toBe('玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
    expect(() => fenToCapitals(MAX_FEN + 1)).toThrow(/999,999,999\.99/);
  });

  it('refuses negatives and non-integers (a refund is printed as its amount, marked 红冲, not as a negative capital)', () => {
    expect(() => fenToCapitals(-1)).toThrow(/负数/);
    expect(() => fenToCapitals(1.5)).toThrow(/整数/);
    expect(() => fenToCapitals(Number.NaN)).toThrow(/整数/);
  });
});

describe('monthlyAreaFee: area (0.01 m²) × rate (fen per m² per month), half up to whole fen', () => {
  it('multiplies exactly and rounds 四舍五入 once, on the monthly amount', () => {
    expect(monthlyAreaFee(8950, 235)).toBe(21033); // 89.50 m² × ¥2.35 = ¥210.325 → ¥210.33
    expect(monthlyAreaFee(8949, 235)).toBe(21030); // 89.49 × 2.35 = 210.3015 → 210.30
    expect(monthlyAreaFee(10000, 150)).toBe(15000); // 100 m² × ¥1.50
    expect(monthlyAreaFee(1, 49)).toBe(0); // 0.0049 yuan → 0.49 fen → 0
    expect(monthlyAreaFee(1, 50)).toBe(1); // 0.50 fen → 1 fen (half up)
    expect(monthlyAreaFee(1, 150)).toBe(2); // 1.5 fen → 2
    expect(monthlyAreaFee(0, 235)).toBe(0);
    expect(monthlyAreaFee(8950, 0)).toBe(0);
  });

  it('stays exact at the largest area the app stores and a high rate', () => {
    expect(monthlyAreaFee(1_000_000, 99_999)).toBe(999_990_000); // 10,000 m² × ¥999.99
    expect(monthlyAreaFee(999_999, 12_345)).toBe(123_449_877); // 9999.99 × 123.45 = 1,234,498.7655 → 1,234,498.77
  });

  it('throws on negatives, non-integers and a product past the largest amount', () => {
    expect(() => monthlyAreaFee(-1, 100)).toThrow();
    expect(() => monthlyAreaFee(100, -1)).toThrow();
    expect(() => monthlyAreaFee(89.5, 235)).toThrow();
    expect(() => monthlyAreaFee(100, 2.35)).toThrow();
    expect(() => monthlyAreaFee(1_000_000, MAX_FEN)).toThrow(/999,999,999\.99/);
  });
});

describe('fen(): the contract type for an amount', () => {
  const first = (schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    return r.success ? r.data : r.error.issues[0]!.message;
  };

  it('takes integer fen from 0 to the largest amount', () => {
    expect(first(fen(), 0)).toBe(0);
    expect(first(fen(), 140950)).toBe(140950);
    expect(first(fen(), MAX_FEN)).toBe(MAX_FEN);
  });

  it('refuses with Chinese messages', () => {
    expect(first(fen(), -1)).toBe('金额不能为负数');
    expect(first(fen(), 1409.5)).toBe('金额以分为单位，必须是整数');
    expect(first(fen(), MAX_FEN + 1)).toBe('金额不能超过 ¥999,999,999.99');
    expect(first(fen(), '1409.50')).toBe('请输入数字');
    expect(first(fen(), undefined)).toBe('必填');
    expect(first(fen(), Number.NaN)).toBe('请输入数字');
    expect(first(fen(), Number.POSITIVE_INFINITY)).not.toBe(Number.POSITIVE_INFINITY);
  });

  it('takes negatives down to minus the largest amount when signed', () => {
    expect(first(fen({ signed: true }), -140950)).toBe(-140950);
    expect(first(fen({ signed: true }), -MAX_FEN)).toBe(-MAX_FEN);
    expect(first(fen({ signed: true }), -MAX_FEN - 1)).toBe('金额不能超过 ¥999,999,999.99');
  });

  it('refuses zero when asked to', () => {
    expect(first(fen({ positive: true }), 0)).toBe('金额必须大于 0');
    expect(first(fen({ positive: true }), 1)).toBe(1);
  });
});
