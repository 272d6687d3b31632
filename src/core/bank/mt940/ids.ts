/**
 * Fast syntactic checks for identifiers inside statement text, run once per entry of large files:
 * IBAN (ISO 13616: country, check digits, ISO 7064 MOD 97-10 over the rearranged string) and BIC
 * (ISO 9362: 4 letters institution, 2 letters country, 2 location, optional 3 branch).
 * ibantools additionally knows each country's BBAN layout; the account of a statement (:25:) is checked
 * with it, counterparties with this cheaper test.
 */
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const BIC_SHAPE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

export function looksLikeIban(s: string): boolean {
  if (!IBAN_SHAPE.test(s)) return false;
  let rest = 0;
  const n = s.length;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt((k + 4) % n);
    rest = c >= 65 ? (rest * 100 + (c - 55)) % 97 : (rest * 10 + (c - 48)) % 97;
  }
  return rest === 1;
}

export function looksLikeBic(s: string): boolean {
  return BIC_SHAPE.test(s);
}
