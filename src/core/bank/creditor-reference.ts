/**
 * Structured creditor reference (ISO 11649 "RF" reference): "RF" + 2 check digits + up to 21 alphanumerics.
 * Check: move the first four characters to the end, letters -> numbers (A=10 … Z=35), the number mod 97 = 1
 * (the same ISO 7064 MOD 97-10 scheme as the IBAN).
 */
export function normalizeCreditorReference(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export function isValidRfReference(text: string): boolean {
  const ref = normalizeCreditorReference(text);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return false;
  const rearranged = ref.slice(4) + ref.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

export type CreditorReferenceCheck = { reference?: string; problem?: string };

/** RF references must pass the check; other structured references (e.g. Swiss QRR/ISR) are kept as given. */
export function checkCreditorReference(raw: string | undefined): CreditorReferenceCheck {
  if (!raw) return {};
  const ref = normalizeCreditorReference(raw);
  if (ref.startsWith('RF')) {
    return isValidRfReference(ref)
      ? { reference: ref }
      : { problem: `creditor reference "${raw}" fails the ISO 11649 check` };
  }
  return { reference: raw.trim() };
}
