import type { zhCN } from './zh-CN';

/** The shape every language must fill: same keys as zh-CN, any string values. */
type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : { readonly [K in keyof T]: Widen<T[K]> };

export type Translation = Widen<typeof zhCN>;
