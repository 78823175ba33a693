// Text as search compares it: lower case, without diacritics, in words. "Ärztekammer",
// "ARZTEKAMMER" and "ärztekammer" fold alike; so do "Łódź" and "lodz", "Straße" and
// "strasse", "Ιατρικός" and "ιατρικος". Pure and total: any string folds, however long or
// strange (emoji, right-to-left marks and combining marks are simply dropped).

/** Letters that lose no mark under NFD but have a plain spelling. */
const special: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', ø: 'o', Ø: 'o', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h', ŀ: 'l', Ŀ: 'l', ς: 'σ',
};
const specialPattern = new RegExp(`[${Object.keys(special).join('')}]`, 'g');

/** Longest text folded; beyond it a query or a field is cut (nobody types more). */
export const maximumFoldedLength = 2_000;

export function foldText(text: string): string {
  return text
    .slice(0, maximumFoldedLength)
    .replace(specialPattern, (letter) => special[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text, folded: runs of letters and digits. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
