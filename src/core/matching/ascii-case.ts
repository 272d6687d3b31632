/**
 * toUpperCase and trim().toLowerCase() copy the string even when nothing changes, once per order for strings the
 * index keeps (references) or hashes (e-mails): the original string when it is printable ASCII that the call
 * would leave as it is.
 */
export function upperCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || (c >= 97 && c <= 122)) return text.toUpperCase();
  }
  return text;
}

export function trimmedLowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c > 126 || (c >= 65 && c <= 90)) return text.trim().toLowerCase();
  }
  return text;
}
