// The word finder against a plain scan of every word with the edit distance: whatever the
// vocabulary, a word one letter off is always found, a long word two letters off too, and
// nothing farther away is offered as a typing error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, WordFinder } from './word-finder';

const word = fc.string({ unit: fc.constantFrom(...'abcdeilmnorstuzäß'), minLength: 4, maxLength: 14 });

describe('finding the words a typed word may mean', () => {
  it('measures the distance of two words as edits (a swap of neighbours is one)', () => {
    expect(editDistance('kammer', 'kammer', 2)).toBe(0);
    expect(editDistance('kammer', 'kamer', 2)).toBe(1);
    expect(editDistance('kammer', 'kamemr', 2)).toBe(1);
    expect(editDistance('kammer', 'kanmer', 2)).toBe(1);
    expect(editDistance('kammer', 'kamera', 2)).toBe(2);
    expect(editDistance('kammer', 'zimmer', 1)).toBe(2); // given up past the limit
    expect(editDistance('architektenkammer', 'architektenkamer', 1)).toBe(1);
  });

  it('offers every word one letter off, long words two letters off, and nothing farther', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 60 }), word, fc.boolean(), (words, term, asPrefix) => {
        const finder = new WordFinder();
        for (const known of words) finder.add(known);
        const found = new Map(finder.find(term, { asPrefix }).map((match) => [match.word, match]));
        for (const known of words) {
          const distance = editDistance(term, known, 2);
          const expected = distance === 0 || distance === 1 || (distance === 2 && term.length >= 8 && !words.includes(term));
          if (expected) expect(found.has(known), `${term} → ${known} (${distance})`).toBe(true);
          const match = found.get(known);
          if (match?.kind === 'typo') expect(match.distance).toBe(distance);
          if (match?.kind === 'prefix') expect(asPrefix && known.startsWith(term)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});
