import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexKey } from './index-keys';

const compareUtf16 = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareUtf8 = (a: string, b: string) => Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));

describe('index keys', () => {
  it('sort as UTF-8 bytes exactly as the original strings sort as UTF-16 code units', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x80, max: 0xd7ff }),
      fc.integer({ min: 0xe000, max: 0xffff }),
      fc.integer({ min: 0x10000, max: 0x10ffff }),
    ).map((codePoint) => String.fromCodePoint(codePoint));
    const text = fc.array(unit, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(compareUtf8(indexKey(a), indexKey(b))).toBe(compareUtf16(a, b));
      }),
      { numRuns: 5_000 },
    );
  });

  it('leave text below U+D800 as it is', () => {
    expect(indexKey('0Wien      AT-000001')).toBe('0Wien      AT-000001');
  });

  it('put the private use area after emoji, as JavaScript does', () => {
    expect(compareUtf8(indexKey('😀'), indexKey('\uE000'))).toBe(-1);
    expect(compareUtf8('😀', '\uE000')).toBe(1); // what plain UTF-8 would do
    expect(compareUtf8(indexKey('\uFFFF'), indexKey('\uFFFE'))).toBe(1);
  });
});
