/**
 * A payer whose name equals a customer's company name (legal forms and titles left out) names that company only
 * when it is the company: from the second matcher probe, where "HERR MUELLER" paid the order of "Müller GmbH".
 */
import { describe, expect, it } from 'vitest';
import { legalForms, namesCompany } from '#core/matching/names.ts';
import { decisionOf, match, order, posting } from './fixtures.ts';

describe('payer and company', () => {
  it('a person sharing the surname of a one-word company is not the company', () => {
    for (const payer of [
      'HERR MUELLER',
      'Familie Müller',
      'T. Müller',
      'MUELLER',
      'Frau Mueller',
      'MUELLER AG',
    ]) {
      const o = order({ totalMinor: 11990, company: 'Müller GmbH', customerName: 'Petra Lange' });
      const p = posting({ amountMinor: 11990, counterpartyName: payer, remittance: 'Danke' });
      const d = decisionOf(match([o], [p]), p.id);
      expect(d.band, payer).not.toBe('auto');
      expect(d.candidates[0]?.signals.map((s) => s.kind) ?? [], payer).not.toContain('company');
    }
  });

  it('the company itself, with its legal form or with a name of two words, is', () => {
    for (const [payer, company] of [
      ['MUELLER GMBH', 'Müller GmbH'],
      ['Müller GmbH & Co. KG', 'Mueller GmbH & Co KG'],
      ['BLUMEN WEBER', 'Blumen Weber GmbH'],
    ] as const) {
      const o = order({ totalMinor: 11990, company, customerName: 'Petra Lange' });
      const p = posting({ amountMinor: 11990, counterpartyName: payer, remittance: 'Danke' });
      const d = decisionOf(match([o], [p]), p.id);
      expect(d, payer).toMatchObject({ band: 'auto', pass: 'payer' });
      expect(
        d.candidates[0]?.signals.map((s) => s.kind),
        payer,
      ).toContain('company');
    }
  });

  it('a number names the order; the payer then agrees only as the company itself', () => {
    const o = order({
      number: '10500',
      totalMinor: 11990,
      company: 'Müller GmbH',
      customerName: 'Petra Lange',
    });
    const p = posting({
      amountMinor: 11990,
      counterpartyName: 'HERR MUELLER',
      remittance: 'Bestellung 10500',
    });
    const signals = decisionOf(match([o], [p]), p.id).candidates[0]?.signals.map((s) => s.kind);
    expect(signals).toContain('number');
    expect(signals).not.toContain('company');
  });

  it('legal forms: read from the name, the same form under another spelling', () => {
    expect(legalForms('Müller GmbH & Co. KG')).toBe('gmbh kg');
    expect(legalForms('Weber UG (haftungsbeschränkt)')).toBe('ug');
    expect(legalForms('Blumen Weber Gesellschaft mit beschränkter Haftung')).toBe('gmbh');
    expect(legalForms('Weber Aktiengesellschaft')).toBe('ag');
    expect(legalForms('Blumen Weber e.K.')).toBe('ek');
    expect(legalForms('Thomas Müller')).toBe('');
    expect(namesCompany('MUELLER AG', 'Müller GmbH', 1)).toBe(false);
    expect(namesCompany('Weber Bau', 'Weber Bau GmbH', 2)).toBe(true);
    expect(namesCompany('Weber Bau AG', 'Weber Bau GmbH', 2)).toBe(false);
    // A payer name the bank cut short keeps part of the forms.
    expect(namesCompany('MUELLER HOLZBAU GMBH + CO', 'Müller Holzbau GmbH & Co. KG', 2)).toBe(true);
    expect(namesCompany('MUELLER GMBH', 'Müller GmbH & Co. KG', 1)).toBe(true);
  });
});

describe('the text names a family member', () => {
  it('"fuer Julia" from Klaus Weber, while Julia Weber has an open order of the amount: the dealer decides', () => {
    const klaus = order({ customerName: 'Klaus Weber', totalMinor: 4990 });
    const julia = order({ customerName: 'Julia Weber', totalMinor: 4990 });
    const p = posting({ counterpartyName: 'KLAUS WEBER', amountMinor: 4990, remittance: 'fuer Julia' });
    const d = decisionOf(match([klaus, julia], [p]), p.id);
    expect(d.band).not.toBe('auto');
    // Without another Weber's order, "fuer Julia" says nothing against Klaus's own order.
    const alone = order({ customerName: 'Klaus Weber', totalMinor: 4990 });
    const q = posting({ counterpartyName: 'KLAUS WEBER', amountMinor: 4990, remittance: 'fuer Julia' });
    expect(decisionOf(match([alone], [q]), q.id).band).toBe('auto');
  });
});
