import { describe, expect, it } from 'vitest';
import { fieldNameOf } from './field-path';

describe('fieldNameOf', () => {
  it('reads both the calculator’s and the schema validator’s way of naming a list item', () => {
    expect(fieldNameOf('body.activities[1].unit')).toEqual(['activities', 1, 'unit']);
    expect(fieldNameOf('body.activities.0.amount')).toEqual(['activities', 0, 'amount']);
  });

  it('keeps top-level fields and the list itself', () => {
    expect(fieldNameOf('body.period')).toEqual(['period']);
    expect(fieldNameOf('body.valueAdded')).toEqual(['valueAdded']);
    expect(fieldNameOf('body.activities')).toEqual(['activities']);
    expect(fieldNameOf('body')).toEqual([]);
  });
});
