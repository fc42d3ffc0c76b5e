// Which printed words a query names: the same rule the search uses for marking (an unaccented term
// matches with or without diacritics; an accented one only itself; old and new tone placement alike).

const TONE_PLACEMENT = [['oà', 'òa'], ['oá', 'óa'], ['oả', 'ỏa'], ['oã', 'õa'], ['oạ', 'ọa'],
  ['oè', 'òe'], ['oé', 'óe'], ['oẻ', 'ỏe'], ['oẽ', 'õe'], ['oẹ', 'ọe'],
  ['uỳ', 'ùy'], ['uý', 'úy'], ['uỷ', 'ủy'], ['uỹ', 'ũy'], ['uỵ', 'ụy']];

/** Lower case, NFC, new tone placement, and the word's punctuation at either end taken off. */
export function normal(word) {
  let w = word.normalize('NFC').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  TONE_PLACEMENT.forEach(([oldForm, newForm]) => { w = w.split(newForm).join(oldForm); });
  return w;
}

/** Without diacritics: `Đoàn` → `doan`. */
export function folded(word) {
  return normal(word).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

/** A test for the words of a query: each term, unaccented or accented as typed. */
export function matcher(queryText) {
  const terms = (queryText || '').replace(/["()]/g, ' ').split(/\s+/).map((t) => t.trim()).filter(Boolean)
    .filter((t) => !['and', 'or', 'not', 'va', 'hoac'].includes(t.toLowerCase()));
  const exact = new Set();
  const loose = new Set();
  terms.forEach((t) => {
    const n = normal(t);
    if (!n) return;
    if (n === folded(t)) loose.add(n); else exact.add(n);
  });
  if (exact.size === 0 && loose.size === 0) return () => false;
  return (word) => {
    const n = normal(word);
    return n !== '' && (exact.has(n) || loose.has(folded(word)));
  };
}
