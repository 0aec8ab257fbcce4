import type { ThemeConfig } from 'antd';

/** System UI fonts first, then CJK fonts; WenQuanYi Micro Hei is what Debian's Chromium has. */
export const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** 衢州 green: the platform's primary colour. */
export const theme: ThemeConfig = {
  token: { colorPrimary: '#1f7a4d', fontFamily, borderRadius: 6 },
  components: {
    Menu: { itemSelectedBg: '#e3f1e8', itemSelectedColor: '#1f7a4d', itemHoverBg: '#f0f7f2' },
  },
};
