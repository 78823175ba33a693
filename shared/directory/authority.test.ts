import { describe, expect, it } from 'vitest';
import { foldForSorting, pickLocalized } from './authority';

describe('names and translations', () => {
  it('folds case and diacritics for sorting', () => {
    expect(foldForSorting('Ärztekammer für Wien')).toBe('arztekammer fur wien');
    expect(foldForSorting('  Ľubovnianska Komora ')).toBe('lubovnianska komora');
    expect(foldForSorting('Ιατρικός Σύλλογος')).toBe('ιατρικος συλλογος');
  });
  it('picks the reader’s language, then English, then any', () => {
    expect(pickLocalized({ en: 'Medical chamber', de: 'Ärztekammer' }, 'de')).toBe('Ärztekammer');
    expect(pickLocalized({ en: 'Medical chamber', de: 'Ärztekammer' }, 'fi')).toBe('Medical chamber');
    expect(pickLocalized({ ro: 'Colegiul Medicilor' }, 'fi')).toBe('Colegiul Medicilor');
    expect(pickLocalized({}, 'fi')).toBe('');
  });
});
