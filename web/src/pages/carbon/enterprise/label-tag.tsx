import { Tag } from 'antd';
import type { FourColourLabel } from '../../../api/carbon-industrial';

/** The colours the four-colour label (三维四色) is named after. */
export const LABEL_COLOURS: Record<FourColourLabel, string> = {
  深绿: '#1b6e3a',
  浅绿: '#73c088',
  黄: '#f2c230',
  红: '#d64541',
};

export function LabelTag({ label }: { label: FourColourLabel }) {
  return (
    <Tag
      color={LABEL_COLOURS[label]}
      style={{ color: label === '黄' || label === '浅绿' ? '#222' : '#fff' }}
      data-testid="label-tag"
    >
      {label}
    </Tag>
  );
}
