/** A form field's name path, as antd's `Form.setFields` takes it: `['activities', 1, 'unit']`. */
export type FieldName = (string | number)[];

/**
 * Turns the path of a server error detail into the form field it concerns. The calculator writes
 * `body.activities[1].unit`, schema validation `body.activities.1.unit`; both give `['activities', 1, 'unit']`.
 * @example fieldNameOf('body.period') // ['period']
 */
export function fieldNameOf(path: string): FieldName {
  return path
    .replace(/^body(\.|$)/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
