import { idCheckCharacter } from '../../shared/idcard';

/** Deterministic pseudo-random numbers, so a demo or benchmark estate is the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN_MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国志文博';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀玲桂英红燕萍琳雪婷慧莹倩晶颖欣佳悦琪梦瑶雨洁蕾薇';
const GIVEN_ANY = '子思一梓晨若嘉雅诗语可紫欣然天明亦书安清';

/** A plausible name as its parts: surname first, then one or two given-name characters. */
export function chineseNameParts(rnd: () => number, male: boolean): string[] {
  const given = (male ? GIVEN_MALE : GIVEN_FEMALE).split('');
  const first = pick(rnd, SURNAMES);
  return rnd() < 0.55 ? [first, pick(rnd, given)] : [first, pick(rnd, GIVEN_ANY.split('')), pick(rnd, given)];
}

export function chineseName(rnd: () => number, male: boolean): string {
  return chineseNameParts(rnd, male).join('');
}

// Real district codes (Beijing, Shanghai, Guangzhou, Shenzhen, Hangzhou, Nanjing, Chengdu, Wuhan),
// so numbers look right; the people are invented.
const REGIONS = ['110105', '110108', '310104', '310115', '440106', '440305', '330106', '320102', '510107', '420106', '430104', '370102'];

/** A fictitious 居民身份证 number with a valid check digit; the 17th digit's parity gives the sex. */
export function fictitiousIdNumber(rnd: () => number, male: boolean): string {
  const year = 1940 + Math.floor(rnd() * 66);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const seq = Math.floor(rnd() * 50) * 2 + (male ? 1 : 0);
  const first17 =
    pick(rnd, REGIONS) + String(year) + String(month).padStart(2, '0') + String(day).padStart(2, '0') + String(Math.floor(rnd() * 10)) + String(seq).padStart(2, '0');
  return first17 + idCheckCharacter(first17);
}

export function mobileNumber(rnd: () => number): string {
  const prefix = pick(rnd, ['135', '136', '137', '138', '139', '150', '151', '158', '159', '186', '187', '188', '177', '199']);
  return prefix + String(Math.floor(rnd() * 1e8)).padStart(8, '0');
}

const PROVINCES = '粤京沪浙苏川鄂湘鲁闽'.split('');
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');
export function plateNumber(rnd: () => number): string {
  let tail = '';
  for (let i = 0; i < 5; i++) tail += rnd() < 0.8 ? String(Math.floor(rnd() * 10)) : pick(rnd, LETTERS);
  return pick(rnd, PROVINCES) + pick(rnd, LETTERS.slice(0, 10)) + tail;
}
