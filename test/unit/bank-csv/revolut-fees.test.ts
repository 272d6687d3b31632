/**
 * Revolut fees are booked like PayPal's: the payment keeps its amount and a non-zero fee becomes an entry of its
 * own (reference "<id>/FEE"), so the postings add up to the balance Revolut shows (Amount − Fee).
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '#core/bank/csv/index.ts';
import { collect, errorsOf } from '../bank-mt940/fixture-helpers.ts';

const parse = (lines: string[]) => collect(parseCsv(lines.join('\n'), 'revolut.csv'));

describe('Revolut fees', () => {
  it('personal: a fee becomes a debit entry of its own, whatever sign the Fee column has', () => {
    const r = parse([
      'Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance',
      'TOPUP,Current,2026-11-26 10:01:02,2026-11-26 10:01:05,Payment from Erika Mustermann,150.00,0.00,EUR,COMPLETED,1150.00',
      'EXCHANGE,Current,2026-11-26 11:00:00,2026-11-26 11:00:00,Exchanged to USD,-100.00,0.50,EUR,COMPLETED,1049.50',
      'ATM,Current,2026-11-27 09:00:00,2026-11-27 09:00:00,Cash at Sparkasse,-50.00,-1.99,EUR,COMPLETED,997.51',
    ]);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor, e.bookingText, e.remittance])).toEqual([
      ['2026-11-26', 15000, 'TOPUP', 'Payment from Erika Mustermann'],
      ['2026-11-26', -10000, 'EXCHANGE', 'Exchanged to USD'],
      ['2026-11-26', -50, 'Gebühr', 'Revolut-Gebühr'],
      ['2026-11-27', -5000, 'ATM', 'Cash at Sparkasse'],
      ['2026-11-27', -199, 'Gebühr', 'Revolut-Gebühr'],
    ]);
    // 1000.00 before the file: the postings reach the last Balance (997.51).
    expect(100000 + r.entries.reduce((a, e) => a + e.amountMinor, 0)).toBe(99751);
  });

  it('Business: Amount stays the payment, Fee (Total amount = Amount − Fee) an entry of its own', () => {
    const r = parse([
      'Date started (UTC),Date completed (UTC),ID,Type,State,Description,Reference,Payer,Card number,Card label,Card state,Orig currency,Orig amount,Payment currency,Amount,Total amount,Exchange rate,Fee,Fee currency,Balance,Account,Beneficiary account number,Beneficiary sort code or routing number,Beneficiary IBAN,Beneficiary BIC,MCC,Related transaction id,Spend program',
      '2026-11-26,2026-11-26,6745a1b2-0001,TOPUP,COMPLETED,Payment from Erika Mustermann,Bestellung 15001,Erika Mustermann,,,,EUR,1234.56,EUR,1234.56,1234.56,,0.00,EUR,5234.56,EUR Main,,,,,,,',
      '2026-11-25,2026-11-26,6745a1b2-0002,CARD_PAYMENT,COMPLETED,Google Workspace,,,459312******1234,Card,ACTIVE,USD,-12.00,EUR,-11.31,-11.51,0.9425,0.20,EUR,5223.05,EUR Main,,,,,7372,,',
    ]);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.amountMinor, e.bankReference, e.remittance])).toEqual([
      [123456, '6745a1b2-0001', 'Bestellung 15001 Payment from Erika Mustermann'],
      [-1131, '6745a1b2-0002', 'Google Workspace'],
      [-20, '6745a1b2-0002/FEE', 'Revolut Business-Gebühr für 6745a1b2-0002'],
    ]);
  });
});
