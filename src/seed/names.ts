import { type Random, WeightedPicker } from './random';

/**
 * Chinese personal names for the synthetic city.
 * [assume] Surname weights (per cent of people) blend the national ranking of the 2020 household-register name
 * report (王 李 张 刘 陈 …) with surnames common in Quzhou's counties (徐, 毛 in 江山, 汪 and 余 in 开化, 占 and
 * 祝 in 常山/江山, 姜, 郑, 叶, 柴); the exact local shares are not published.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 6.2],
  ['徐', 5.2],
  ['陈', 5.0],
  ['张', 4.6],
  ['吴', 3.9],
  ['李', 3.8],
  ['周', 3.3],
  ['刘', 3.0],
  ['毛', 2.6],
  ['郑', 2.5],
  ['汪', 2.3],
  ['姜', 2.1],
  ['叶', 2.1],
  ['余', 2.0],
  ['杨', 1.9],
  ['方', 1.8],
  ['黄', 1.7],
  ['祝', 1.5],
  ['程', 1.4],
  ['胡', 1.4],
  ['朱', 1.4],
  ['邵', 1.2],
  ['占', 1.2],
  ['柴', 1.1],
  ['傅', 1.1],
  ['林', 1.1],
  ['童', 1.0],
  ['赵', 1.0],
  ['何', 1.0],
  ['孙', 0.9],
  ['华', 0.9],
  ['严', 0.8],
  ['蒋', 0.8],
  ['潘', 0.8],
  ['钱', 0.7],
  ['江', 0.7],
  ['金', 0.7],
  ['曾', 0.6],
  ['夏', 0.6],
  ['郭', 0.6],
  ['许', 0.6],
  ['高', 0.6],
  ['罗', 0.6],
  ['宋', 0.5],
  ['沈', 0.5],
  ['谢', 0.5],
  ['韩', 0.5],
  ['马', 0.5],
  ['唐', 0.5],
  ['詹', 0.5],
  ['鲁', 0.4],
  ['舒', 0.4],
  ['应', 0.4],
  ['丁', 0.4],
  ['项', 0.4],
  ['汤', 0.4],
  ['范', 0.4],
  ['梁', 0.4],
  ['宁', 0.3],
  ['饶', 0.3],
  ['管', 0.3],
  ['姚', 0.3],
  ['戴', 0.3],
  ['袁', 0.3],
  ['邱', 0.3],
  ['卢', 0.3],
  ['龚', 0.3],
  ['雷', 0.3],
  ['廖', 0.2],
  ['欧阳', 0.1],
  ['诸葛', 0.05],
];

/** Given-name characters by sex and by the era of birth: names follow fashions (秀英 then, 子涵 now). */
const GIVEN: Record<'male' | 'female', Record<Era, string>> = {
  male: {
    before1970: '金根土水福祥荣生发富贵德永春国忠建明华林松海山成友仁庆长和宝新兴法昌炳',
    from1970: '伟强磊军勇杰涛斌超明刚平辉鹏华飞波建峰志东亮斌敏云龙俊文江海兵卫红光良',
    from2000: '宇浩轩睿博子涵俊杰泽晨宸皓烨铭航嘉阳逸辰昊然奕恒瑞豪鑫一诺哲旭天佑',
  },
  female: {
    before1970: '秀英桂芳兰花玉凤珍梅琴翠娥月菊莲香娣美彩素仙爱春霞金银荷云妹',
    from1970: '丽芳娟敏静艳霞燕玲红梅萍琴英华莉丹洁慧颖雪飞琳芬婷晓群菲燕蓉',
    from2000: '梓涵欣怡雨萱诗琪思妍佳悦一彤子瑶可馨语若汐雅晨曦婉清沐心依诺安然',
  },
};

type Era = 'before1970' | 'from1970' | 'from2000';

const surnamePicker = new WeightedPicker(SURNAMES);
const givenCharacters: Record<'male' | 'female', Record<Era, readonly string[]>> = {
  male: splitEras(GIVEN.male),
  female: splitEras(GIVEN.female),
};

function splitEras(pools: Record<Era, string>): Record<Era, readonly string[]> {
  return { before1970: [...pools.before1970], from1970: [...pools.from1970], from2000: [...pools.from2000] };
}

// [assume] four in five given names have two characters; single-character names were commoner before 2000.
const TWO_CHARACTER_SHARE: Record<Era, number> = { before1970: 0.8, from1970: 0.7, from2000: 0.9 };

/** A full name for someone of `sex` born in `birthYear`, e.g. '徐建峰' or '王梓涵'. */
export function randomName(random: Random, sex: 'male' | 'female', birthYear: number): string {
  const era: Era = birthYear < 1970 ? 'before1970' : birthYear < 2000 ? 'from1970' : 'from2000';
  const pool = givenCharacters[sex][era];
  const surname = surnamePicker.pick(random);
  const first = pool[random.int(pool.length)]!;
  if (!random.chance(TWO_CHARACTER_SHARE[era])) return surname + first;
  return surname + first + pool[random.int(pool.length)]!;
}

/** A surname on its own (for enterprise and farm names that carry a family name). */
export function randomSurname(random: Random): string {
  return surnamePicker.pick(random);
}

/** The surnames the generator knows, for tests. */
export const KNOWN_SURNAMES: ReadonlySet<string> = new Set(SURNAMES.map(([surname]) => surname));
