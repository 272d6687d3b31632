/**
 * A cut-off MT940 is refused: the closing balance :62F: is mandatory (SWIFT MT940 field 62a) and comes last, and
 * a SWIFT amount always has its decimal comma ("15d": "49,90", "49,").
 */
import { describe, expect, it } from 'vitest';
import { parseMt940 } from '#core/bank/mt940/index.ts';
import { parseAmount } from '#core/bank/mt940/values.ts';
import { collect, errorsOf } from './fixture-helpers.ts';
import { MT940_HEAD, MT940_LAST_61, MT940_LAST_86, MT940_TAIL } from '../../helpers/mt940-sample.ts';

const parse = (lines: string[]) => collect(parseMt940(lines.join('\r\n'), 'cut.sta'));

describe('cut-off MT940', () => {
  it('a statement that ends with the file inside :86:, without :62F:, is refused with MT940_TRUNCATED', () => {
    const r = parse([...MT940_HEAD, MT940_LAST_61, MT940_LAST_86.slice(0, 40)]);
    const errors = errorsOf(r);
    expect(errors.map((e) => e.code)).toEqual(['MT940_TRUNCATED']);
    expect(errors[0]).toMatchObject({ file: 'cut.sta', line: 8 });
    expect(errors[0]?.message).toMatch(
      /cut\.sta, line 8: .*line 1 \(:20:STARTUMSE\).*:62F:.*Nothing was imported/,
    );
  });

  it('a file cut right after a complete field (line break kept) is refused just the same', () => {
    expect(errorsOf(parse([...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, ''])).map((e) => e.code)).toEqual([
      'MT940_TRUNCATED',
    ]);
  });

  it('the complete statement, with or without the end-of-message line, is read', () => {
    expect(errorsOf(parse([...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, ...MT940_TAIL]))).toEqual([]);
    expect(errorsOf(parse([...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, MT940_TAIL[0] ?? '']))).toEqual([]);
    // :62M: closes a page of a multi-page statement.
    expect(errorsOf(parse([...MT940_HEAD, ':62M:C260105EUR1353,56', '-']))).toEqual([]);
  });

  it('only the statement open at the end of the file counts; an MT942 has no closing balance', () => {
    const complete = [...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, ...MT940_TAIL];
    expect(errorsOf(parse([...complete, ...MT940_HEAD])).map((e) => e.code)).toEqual(['MT940_TRUNCATED']);
    const mt942 = [
      ':20:INTRADAY',
      ':25:DE89370400440532013000',
      ':28C:1/1',
      ':34F:EUR0,',
      ':13D:2601061200+0100',
    ];
    expect(errorsOf(parse([...mt942, MT940_LAST_61, MT940_LAST_86]))).toEqual([]);
  });

  it("a file cut right after the next message's :20: line is refused: that whole statement is missing", () => {
    const complete = [...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, ...MT940_TAIL];
    const r = parse([...complete, ':20:NEXT', '']);
    const errors = errorsOf(r);
    expect(errors.map((e) => e.code)).toEqual(['MT940_TRUNCATED']);
    expect(errors[0]).toMatchObject({ file: 'cut.sta', line: 11 });
    expect(errors[0]?.message).toMatch(
      /cut\.sta, line 11: The statement starting at line 11 \(:20:NEXT\) ends with the file at line 11, right after its reference line.*:25:.*:60F:.*:62F:.*Nothing was imported\. Download or export the statement again/,
    );
    // Without the end-of-message line before it, the same.
    expect(
      errorsOf(parse([...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, MT940_TAIL[0] ?? '', ':20:NEXT'])).map(
        (e) => e.code,
      ),
    ).toEqual(['MT940_TRUNCATED']);
    // A file of nothing but a :20: line (a library snippet of a one-message file) has nothing to lose: read as before.
    expect(errorsOf(parse([':20:ONLY']))).toEqual([]);
    expect(errorsOf(parse(['', ':20:ONLY', '']))).toEqual([]);
    // Legitimate endings after a complete message: the end-of-message line, blank lines, the FIN trailer.
    expect(errorsOf(parse([...complete, '', '', '']))).toEqual([]);
    expect(
      errorsOf(parse([...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, MT940_TAIL[0] ?? '', '-}{5:{CHK:123}}'])),
    ).toEqual([]);
  });

  it('an amount cut before its decimal comma ("DR49" of "DR49,90") is refused, not read as 49,00', () => {
    const r = parse([...MT940_HEAD, ':61:2601060106DR49']);
    expect(errorsOf(r).map((e) => e.code)).toContain('MT940_BAD_AMOUNT');
    expect(r.entries.map((e) => e.amountMinor)).toEqual([11900]);
    expect(() => parseAmount('49', 'EUR')).toThrow(/no decimal comma.*"49,00" or "49,"/);
    expect(() => parseAmount(',', 'EUR')).toThrow(/not a SWIFT amount/);
    expect(parseAmount('49,', 'EUR')).toBe(4900);
    expect(parseAmount('49,9', 'EUR')).toBe(4990);
    expect(parseAmount(',50', 'EUR')).toBe(50);
  });

  it('a closing balance without its comma is refused', () => {
    const r = parse([...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, ':62F:C260106EUR1303', '-']);
    expect(errorsOf(r).map((e) => e.code)).toContain('MT940_BAD_AMOUNT');
  });

  it('an amount without comma that the transaction type delimits ("C500NTRF", Knab) is whole units', () => {
    const r = parse([...MT940_HEAD, ':61:1407290729C500NTRF29-07-2014//B4G29PGDCK1QFV3E', ...MT940_TAIL]);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[1]?.amountMinor).toBe(50000);
  });
});
