import { Tag } from 'antd';
import type { FourColourLabel } from '../../../api/carbon-industrial';

/** The colours the four-colour label (三维四色) is named after, with a text colour readable on each. */
export const LABEL_COLOURS: Record<FourColourLabel, { background: string; text: string }> = {
  深绿: { background: '#1b6e3a', text: '#fff' },
  浅绿: { background: '#8fd19e', text: '#143d22' },
  黄: { background: '#f2c230', text: '#3d2f00' },
  红: { background: '#d64541', text: '#fff' },
};

export function LabelTag({ label }: { label: FourColourLabel }) {
  const { background, text } = LABEL_COLOURS[label];
  return (
    <Tag style={{ background, color: text, borderColor: background }} data-testid="label-tag">
      {label}
    </Tag>
  );
}
