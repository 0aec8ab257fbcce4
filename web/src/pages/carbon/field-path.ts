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

/** A server error's details split into those a form shows beside a field and those it must show elsewhere. */
export function splitServerErrors(
  details: readonly { path: string; message: string }[],
  isFormField: (name: FieldName) => boolean,
): { fields: { name: FieldName; errors: string[] }[]; leftover: string[] } {
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  const leftover: string[] = [];
  for (const detail of details) {
    const name = fieldNameOf(detail.path);
    if (!isFormField(name)) {
      leftover.push(detail.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], leftover };
}

const ACTIVITY_FIELDS = new Set(['kind', 'amount', 'unit']);

/** Whether a path names a shown activity row's kind, amount or unit: `['activities', 1, 'unit']`. */
export function isActivityRowField(name: FieldName, rows: number): boolean {
  const [first, index, field] = name;
  return (
    name.length === 3 &&
    first === 'activities' &&
    typeof index === 'number' &&
    index < rows &&
    ACTIVITY_FIELDS.has(String(field))
  );
}
