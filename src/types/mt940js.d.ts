// mt940js (used only as a reference point in the import benchmark) ships no typings; the part we call.
declare module 'mt940js' {
  export class Parser {
    parse(text: string): { transactions: unknown[] }[];
  }
}
