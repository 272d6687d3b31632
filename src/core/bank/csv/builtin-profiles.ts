/**
 * Built-in CSV layouts of German banks and PayPal, as data: a header signature (column names that must all be in
 * the header row; a list inside means "one of") and the profile that maps the columns.
 *
 * Sources of the layouts (header rows as exported by the banks):
 * - Sparkasse CSV-CAMT V2/V8 (identical 17 columns; V8 differs only in booking texts) and CSV-MT940 (11 columns):
 *   shared fixtures omarkohl/ofxstatement-sparkasse-freiburg tests/data/simple*.csv and bank2ynab
 *   test-data/20180226-1000594757-umsatz.CSV; Sparkasse credit card: bank2ynab umsatz-1234________1234-20180227.CSV.
 * - Deutsche Bank / Postbank (one platform since 2023; older Deutsche Bank layouts with empty "Betrag" and signed
 *   Soll/Haben): BananaAccounting/Germany importApps/deutschebank_import_bank_statement_csv test cases.
 * - Postbank before the 2023 move to the Deutsche Bank platform: "Buchungstag";"Wertstellung";"Umsatzart";
 *   "Buchungsdetails";"Auftraggeber";"Empfänger";"Betrag (€)";"Saldo (€)", Windows-1252, amounts "-123,45 €"
 *   (public Postbank CSV readers, e.g. OpenBankProject's Postbank CSV importer and Node/Python converters).
 * - Commerzbank: bank2ynab test-data/Umsaetze_KtoNr538917600_EUR_02-03-2018_1503.CSV (2018) and the current
 *   "IBAN Kontoinhaber;Kategorie" layout (Commerzbank help: commerzbank.de "Umsätze exportieren").
 * - ING: "Umsatzanzeige" export, header starting "Buchung;" after a preamble with the IBAN
 *   (ctheune/ynab-bank-imports ing_checking.py); since 2025 with a "Referenz" column (end-to-end reference) between
 *   "Verwendungszweck" and "Saldo" (public ING-DE CSV importers' test data).
 * - DKB: new portal (since 2023, "Buchungsdatum";"Wertstellung";"Status";…) and old portal ("Buchungstag";
 *   "Wertstellung";"Buchungstext";"Auftraggeber / Begünstigter";…): hamvocke/dkb2homebank testfiles.
 * - DKB Visa credit card: new portal ("Karte";"Visa Kreditkarte";"4930 •••• •••• 1234" preamble, then "Belegdatum";
 *   "Wertstellung";"Status";"Beschreibung";"Umsatztyp";"Betrag (€)";"Fremdwährungsbetrag") and old portal
 *   ("Kreditkarte:";"4998********1234" preamble, ISO-8859-1, then "Umsatz abgerechnet und nicht im Saldo enthalten";
 *   "Wertstellung";"Belegdatum";"Beschreibung";"Betrag (EUR)";"Ursprünglicher Betrag"), as in public DKB importers'
 *   tests (dkb2homebank-style converters, YNAB/Banana importers). The files name only the masked card number:
 *   import them with --account.
 * - N26: "Booking Date","Value Date","Partner Name",… (since 2019, beancount/beangulp-style N26 importers) and the
 *   2017 German layout (bank2ynab test-data/20171001-20171106.csv).
 * - Volksbank/Raiffeisenbank (Atruvia agree21, 18 columns "Bezeichnung Auftragskonto;IBAN Auftragskonto;…"):
 *   sercxanto/go-homebank-csv pkg/parser/volksbank.go test files; the older Fiducia "Umsatzanzeige" (multi-line
 *   "Vorgang/Verwendungszweck", unsigned "Umsatz" with S/H column): ctheune/ynab-bank-imports fiducia.py.
 * - comdirect: "Buchungstag";"Wertstellung (Valuta)";"Vorgang";"Buchungstext";"Umsatz in EUR"; after a preamble
 *   ("Umsätze Girokonto";"Zeitraum: …"; "Neuer Kontostand"), pending rows "offen", footer "Alter Kontostand"
 *   (public comdirect CSV importers, e.g. the homebank-csv style comdirect.yml configs and zod ComdirectSchema).
 * - PayPal activity report, German ("Datum","Uhrzeit","Zeitzone","Name","Typ","Status","Währung","Brutto",
 *   "Gebühr","Netto",…) and English ("Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee",
 *   "Net",…; hledger's PayPal CSV rules, 2018 format).
 * - Revolut Business transaction statement ("Date started (UTC)","Date completed (UTC)",…,"ID","Type","State",
 *   "Description","Reference","Payer",…,"Payment currency","Amount","Total amount","Exchange rate","Fee",…,
 *   "Account","Beneficiary IBAN",…): header as in public Revolut Business reconciliation tools' fixtures. One
 *   statement per "Account" (the pocket, e.g. "EUR Main"); rows not COMPLETED or PENDING (REVERTED, DECLINED,
 *   FAILED) are skipped. "Total amount" is "Amount" less "Fee": like PayPal, the payment keeps its "Amount" and a
 *   non-zero "Fee" becomes an entry of its own (a charge: feeSign 'charge'), so card fees are not lost.
 * - Qonto (English export: "Status","Settlement date (UTC)","Operation date (UTC)","Total amount (incl. VAT)",
 *   "Currency","Counterparty name","Payment method","Transaction ID","IBAN","Reference",…; public Qonto CSV
 *   importers). The file names no own account: import it with --account.
 * - Finom (business account; German export with some English column names: "Buchungsdatum","Time completed",
 *   "Status","Transaktionsart","Auftraggeber/Empfänger","Counterparty BIC","Counterparty IBAN","Verwendungszweck",
 *   …,"Zahlungswährung","Zahlungsbetrag",…,"Wallet-IBAN",…,"Transaktions-ID"; comma, amounts 1234.56, "N/A" for
 *   empty cells): the anonymised export in nicolettas-muggelbude/RechnungsFee vorlagen/bank-csv/finom.csv.
 * - Wise statement CSV ("TransferWise ID","Date","Amount","Currency","Description","Payment Reference",
 *   "Running Balance",…,"Payer Name","Payee Name",…,"Total fees"; dates DD-MM-YYYY; one file per currency
 *   balance, so no account column: import it with --account). Wise's own charges come as rows of their own.
 * - Revolut (personal/freelancer account: "Type","Product","Started Date","Completed Date","Description",
 *   "Amount","Fee","Currency","State","Balance"): public Revolut CSV importers' fixtures. A non-zero "Fee" (the
 *   balance moves by Amount − Fee) becomes an entry of its own, as with PayPal.
 * - Stripe balance transactions export ("id","Type","Source","Amount","Fee","Net","Currency","Created (UTC)",
 *   "Available On (UTC)","Description",…; Stripe Dashboard → Balance → Export; the column set public Stripe
 *   reconciliation tools read). Like PayPal: the charge keeps its gross amount, the fee (a positive deduction)
 *   becomes an entry of its own; payouts to the bank are debits of the Stripe account "stripe".
 * - Sparda-Bank (SpardaGiro Online): preamble "Kontoumsätze SpardaGiro Online", "Kontoinhaber:", "Kundennummer:",
 *   then "Buchungstag";"Wertstellungstag";"Verwendungszweck";"Umsatz";"Währung" and a footer "* noch nicht
 *   ausgeführte Umsätze", the legend of the sixth, unnamed cell ("*": pending); one text column with the name
 *   before the SEPA booking text and SEPA keywords (Holzhaus/ofxstatement-spardabank tests). The file names only
 *   the account number: import it with --account.
 * - Consorsbank: "Buchung;Valuta;Sender / Empfänger;IBAN;BIC;Buchungstext;Verwendungszweck;Kategorie;Stichwörter;
 *   Umsatz geteilt;Betrag;Währung" after the preamble "Konto / Allgemeine Informationen / Kontostand /
 *   Kontoumsätze", amounts with U+2212 minus; the older desktop export "…;IBAN / Konto-Nr.;BIC / BLZ;…;Betrag in
 *   EUR" (public Consorsbank importers' tests and demo data).
 * - HypoVereinsbank (UniCredit): "Kontonummer;Buchungsdatum;Valuta;Empfaenger 1;Empfaenger 2;Verwendungszweck;
 *   Betrag;Waehrung" and the newer one without the Empfaenger columns; ISO-8859-1 (public HVB importers, e.g.
 *   YNAB converters, homebanking-hilfe.de).
 * - PostFinance: preamble "Datum von:;…", "Konto:;CH…", "Währung:;CHF", then "Buchungsdatum;Avisierungstext;
 *   Gutschrift;Lastschrift;Valuta;Saldo" (beancount-style ch.postfinance importer example), or the newer
 *   "Datum;Bewegungstyp;Avisierungstext;Gutschrift in CHF;Lastschrift in CHF;…"; the currency comes from the
 *   preamble or the column header, dates as YYYY-MM-DD or DD.MM.YYYY, a "Disclaimer:" footer.
 * - Outbank (banking app, CSV export of any bank's account): "#;Konto;Datum;Valuta;Betrag;Währung;Name;Nummer;Bank;
 *   Zweck;…" with "Konto" the own account per row, "Nummer"/"Bank" the counterparty's IBAN/BIC; Outbank 3 adds
 *   "Buchungstext;…;SEPA Referenz;Kundenreferenz;Mandatsreferenz;Gläubiger ID", the English export says
 *   "#;Account;Date;Value Date;Amount;Currency;Name;Number;Bank;Reason;…;Posting Text" (public Outbank converters
 *   and importers' tests).
 * - MoneyMoney (macOS banking software, CSV export of any bank's account): "Datum;Wertstellung;Kategorie;Name;
 *   Verwendungszweck;Konto;Bank;Betrag;Währung", "Konto"/"Bank" = the counterparty's account and bank code
 *   (public MoneyMoney CSV readers and converters). The own account is not in the file: import with --account.
 */
import type { CsvProfileInput } from './profile.ts';

export type BuiltinProfile = { signature: (string | string[])[]; profile: CsvProfileInput };

const SPARKASSE_STATUS = { column: 'Info', booked: ['Umsatz gebucht'], pending: ['Umsatz vorgemerkt'] };

export const BUILTIN_PROFILES: readonly BuiltinProfile[] = [
  {
    signature: [
      'Auftragskonto',
      'Buchungstag',
      'Valutadatum',
      'Glaeubiger ID',
      'Kundenreferenz (End-to-End)',
      'Betrag',
    ],
    profile: {
      name: 'sparkasse-csv-camt',
      label: 'Sparkasse CSV-CAMT (V2 and V8)',
      delimiter: ';',
      dateFormat: 'DD.MM.YY',
      encoding: 'windows-1252',
      columns: {
        account: 'Auftragskonto',
        bookingDate: 'Buchungstag',
        valueDate: 'Valutadatum',
        bookingText: 'Buchungstext',
        remittance: ['Verwendungszweck'],
        creditorId: 'Glaeubiger ID',
        mandateId: 'Mandatsreferenz',
        endToEndId: 'Kundenreferenz (End-to-End)',
        name: 'Beguenstigter/Zahlungspflichtiger',
        iban: 'Kontonummer/IBAN',
        bic: 'BIC (SWIFT-Code)',
        amount: 'Betrag',
        currency: 'Waehrung',
      },
      status: SPARKASSE_STATUS,
    },
  },
  {
    signature: [
      'Auftragskonto',
      'Buchungstag',
      'Valutadatum',
      'Beguenstigter/Zahlungspflichtiger',
      'Kontonummer',
      'BLZ',
      'Betrag',
    ],
    profile: {
      name: 'sparkasse-csv-mt940',
      label: 'Sparkasse CSV-MT940',
      delimiter: ';',
      dateFormat: 'DD.MM.YY',
      encoding: 'windows-1252',
      columns: {
        account: 'Auftragskonto',
        bookingDate: 'Buchungstag',
        valueDate: 'Valutadatum',
        bookingText: 'Buchungstext',
        remittance: ['Verwendungszweck'],
        name: 'Beguenstigter/Zahlungspflichtiger',
        iban: 'Kontonummer',
        bic: 'BLZ',
        amount: 'Betrag',
        currency: 'Waehrung',
      },
      status: SPARKASSE_STATUS,
      remittanceKeywords: 'plus',
    },
  },
  {
    signature: ['Umsatz getätigt von', 'Belegdatum', 'Buchungsdatum', 'Buchungsbetrag', 'Buchungswährung'],
    profile: {
      name: 'sparkasse-kreditkarte',
      label: 'Sparkasse credit card CSV',
      delimiter: ';',
      dateFormat: 'DD.MM.YY',
      encoding: 'windows-1252',
      columns: {
        account: 'Umsatz getätigt von',
        bookingDate: 'Buchungsdatum',
        valueDate: 'Belegdatum',
        amount: 'Buchungsbetrag',
        currency: 'Buchungswährung',
        remittance: ['Transaktionsbeschreibung', 'Transaktionsbeschreibung Zusatz'],
        reference: 'Buchungsreferenz',
      },
    },
  },
  {
    signature: [
      'Buchungstag',
      'Wert',
      'Umsatzart',
      'Begünstigter / Auftraggeber',
      'Verwendungszweck',
      'Soll',
      'Haben',
    ],
    profile: {
      name: 'deutsche-bank-postbank',
      label: 'Deutsche Bank / Postbank',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      columns: {
        bookingDate: 'Buchungstag',
        valueDate: 'Wert',
        bookingText: 'Umsatzart',
        name: 'Begünstigter / Auftraggeber',
        remittance: ['Verwendungszweck'],
        iban: ['IBAN / Kontonummer', 'IBAN'],
        bic: 'BIC',
        endToEndId: 'Kundenreferenz',
        mandateId: 'Mandatsreferenz',
        creditorId: 'Gläubiger ID',
        amount: 'Betrag',
        debit: 'Soll',
        credit: 'Haben',
        currency: 'Währung',
      },
    },
  },
  {
    signature: ['Buchungstag', 'Wertstellung', 'Umsatzart', 'Buchungstext', 'Betrag', 'Währung'],
    profile: {
      name: 'commerzbank',
      label: 'Commerzbank',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      columns: {
        account: ['IBAN Kontoinhaber', 'IBAN Auftraggeberkonto'],
        bookingDate: 'Buchungstag',
        valueDate: 'Wertstellung',
        bookingText: 'Umsatzart',
        remittance: ['Buchungstext'],
        amount: 'Betrag',
        currency: 'Währung',
      },
      remittanceKeywords: 'labels',
      counterpartyInText: true,
    },
  },
  {
    signature: ['Buchungstag', 'Wertstellung (Valuta)', 'Vorgang', 'Buchungstext', 'Umsatz in EUR'],
    profile: {
      name: 'comdirect',
      label: 'comdirect',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      encoding: 'windows-1252',
      columns: {
        bookingDate: 'Buchungstag',
        valueDate: 'Wertstellung (Valuta)',
        bookingText: 'Vorgang',
        remittance: ['Buchungstext'],
        amount: 'Umsatz in EUR',
      },
      // Not yet booked rows say "offen" instead of a booking date (and "--" as value date).
      status: { column: 'Buchungstag', booked: [], pending: ['offen'], otherValues: 'booked' },
      remittanceKeywords: 'labels',
    },
  },
  {
    signature: [
      'Buchung',
      ['Wertstellungsdatum', 'Valuta'],
      'Auftraggeber/Empfänger',
      'Verwendungszweck',
      'Betrag',
    ],
    profile: {
      name: 'ing',
      label: 'ING (Umsatzanzeige)',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      encoding: 'windows-1252',
      columns: {
        bookingDate: 'Buchung',
        valueDate: ['Wertstellungsdatum', 'Valuta'],
        name: 'Auftraggeber/Empfänger',
        bookingText: 'Buchungstext',
        remittance: ['Verwendungszweck'],
        amount: 'Betrag',
        currency: 'Währung',
        // Exports since 2025 have a "Referenz" column after "Verwendungszweck": the SEPA end-to-end reference
        // ("NOTPROVIDED" when the payer gave none).
        endToEndId: 'Referenz',
      },
      shortRowMissingColumn: 'Buchungstext',
    },
  },
  {
    signature: [
      'Buchungsdatum',
      'Wertstellung',
      'Status',
      'Zahlungspflichtige*r',
      'Zahlungsempfänger*in',
      ['Betrag (€)', 'Betrag'],
    ],
    profile: {
      name: 'dkb',
      label: 'DKB (since 2023)',
      delimiter: ';',
      dateFormat: 'DD.MM.YY',
      columns: {
        bookingDate: 'Buchungsdatum',
        valueDate: 'Wertstellung',
        payerName: 'Zahlungspflichtige*r',
        payeeName: 'Zahlungsempfänger*in',
        remittance: ['Verwendungszweck'],
        bookingText: 'Umsatztyp',
        iban: 'IBAN',
        // "Betrag (€)" in exports since late 2023, "Betrag" (amounts with " €") and no IBAN column in the first ones.
        amount: ['Betrag (€)', 'Betrag'],
        creditorId: 'Gläubiger-ID',
        mandateId: 'Mandatsreferenz',
        endToEndId: 'Kundenreferenz',
      },
      status: { column: 'Status', booked: ['Gebucht'], pending: ['Vorgemerkt'] },
    },
  },
  {
    signature: [
      'Buchungstag',
      'Wertstellung',
      'Umsatzart',
      'Buchungsdetails',
      'Auftraggeber',
      'Empfänger',
      'Betrag (€)',
    ],
    profile: {
      name: 'postbank-legacy',
      label: 'Postbank (before 2023)',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      encoding: 'windows-1252',
      columns: {
        bookingDate: 'Buchungstag',
        valueDate: 'Wertstellung',
        bookingText: 'Umsatzart',
        remittance: ['Buchungsdetails'],
        // The other party is the payer of a credit and the payee of a debit.
        payerName: 'Auftraggeber',
        payeeName: 'Empfänger',
        amount: 'Betrag (€)',
      },
    },
  },
  {
    signature: ['Buchungstag', 'Wertstellung', 'Auftraggeber / Begünstigter', 'Betrag (EUR)'],
    profile: {
      name: 'dkb-legacy',
      label: 'DKB (before 2023)',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      encoding: 'windows-1252',
      columns: {
        bookingDate: 'Buchungstag',
        valueDate: 'Wertstellung',
        bookingText: 'Buchungstext',
        name: 'Auftraggeber / Begünstigter',
        remittance: ['Verwendungszweck'],
        iban: 'Kontonummer',
        bic: 'BLZ',
        amount: 'Betrag (EUR)',
        creditorId: 'Gläubiger-ID',
        mandateId: 'Mandatsreferenz',
        endToEndId: 'Kundenreferenz',
      },
    },
  },
  {
    signature: [
      'Belegdatum',
      'Wertstellung',
      'Status',
      'Beschreibung',
      'Umsatztyp',
      ['Betrag (€)', 'Betrag'],
    ],
    profile: {
      name: 'dkb-kreditkarte',
      label: 'DKB Visa credit card (since 2023)',
      delimiter: ';',
      dateFormat: 'DD.MM.YY',
      columns: {
        // The card account moves on "Wertstellung"; "Belegdatum" is the day of the purchase.
        bookingDate: 'Wertstellung',
        valueDate: 'Belegdatum',
        remittance: ['Beschreibung'],
        bookingText: 'Umsatztyp',
        amount: ['Betrag (€)', 'Betrag'],
      },
      status: { column: 'Status', booked: ['Gebucht'], pending: ['Vorgemerkt'] },
    },
  },
  {
    signature: [
      'Umsatz abgerechnet und nicht im Saldo enthalten',
      'Wertstellung',
      'Belegdatum',
      'Beschreibung',
      'Betrag (EUR)',
    ],
    profile: {
      name: 'dkb-kreditkarte-legacy',
      label: 'DKB Visa credit card (before 2023)',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      encoding: 'windows-1252',
      columns: {
        bookingDate: 'Wertstellung',
        valueDate: 'Belegdatum',
        remittance: ['Beschreibung'],
        amount: 'Betrag (EUR)',
      },
    },
  },
  {
    signature: ['Buchungstag', 'Wertstellungstag', 'Verwendungszweck', 'Umsatz', 'Währung'],
    profile: {
      name: 'sparda',
      label: 'Sparda-Bank (SpardaGiro Online)',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      columns: {
        bookingDate: 'Buchungstag',
        valueDate: 'Wertstellungstag',
        remittance: ['Verwendungszweck'],
        amount: 'Umsatz',
        currency: 'Währung',
      },
      // One text column: "<name>SEPA-ÜBERWEISUNG IBAN+ … BIC+ … SVWZ+ … EREF+ … KREF+ …" (Geschäfts- und
      // Vereinskonto: "<name> SEPA-ÜBERWEISUNG …").
      remittanceKeywords: 'plus',
      keywordGaps: true,
      nameBeforeSepaText: true,
      // Rows carry a sixth, unnamed cell: "*" marks a booking not yet executed (the footer "* noch nicht
      // ausgeführte Umsätze" is its legend), empty is booked.
      status: { column: 5, booked: [''], pending: ['*'] },
    },
  },
  {
    signature: ['Booking Date', 'Partner Name', 'Amount (EUR)'],
    profile: {
      name: 'n26',
      label: 'N26',
      delimiter: ',',
      decimalSeparator: '.',
      groupSeparator: '',
      dateFormat: 'YYYY-MM-DD',
      columns: {
        bookingDate: 'Booking Date',
        valueDate: 'Value Date',
        name: 'Partner Name',
        iban: 'Partner Iban',
        bookingText: 'Type',
        remittance: ['Payment Reference'],
        amount: 'Amount (EUR)',
      },
    },
  },
  {
    signature: [
      ['Datum', 'Date'],
      ['Empfänger', 'Payee'],
      ['Transaktionstyp', 'Transaction type'],
      ['Betrag (EUR)', 'Amount (EUR)'],
    ],
    profile: {
      name: 'n26-legacy',
      label: 'N26 (before 2019)',
      delimiter: ',',
      decimalSeparator: '.',
      groupSeparator: '',
      dateFormat: 'YYYY-MM-DD',
      columns: {
        bookingDate: ['Datum', 'Date'],
        name: ['Empfänger', 'Payee'],
        iban: ['Kontonummer', 'Account number'],
        bookingText: ['Transaktionstyp', 'Transaction type'],
        remittance: [['Verwendungszweck', 'Payment reference']],
        amount: ['Betrag (EUR)', 'Amount (EUR)'],
      },
    },
  },
  {
    signature: [
      'IBAN Auftragskonto',
      'Buchungstag',
      'Name Zahlungsbeteiligter',
      'IBAN Zahlungsbeteiligter',
      'Betrag',
    ],
    profile: {
      name: 'volksbank-atruvia',
      label: 'Volksbank / Raiffeisenbank (Atruvia)',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      columns: {
        account: 'IBAN Auftragskonto',
        bookingDate: 'Buchungstag',
        valueDate: 'Valutadatum',
        name: 'Name Zahlungsbeteiligter',
        iban: 'IBAN Zahlungsbeteiligter',
        bic: 'BIC (SWIFT-Code) Zahlungsbeteiligter',
        bookingText: 'Buchungstext',
        remittance: ['Verwendungszweck'],
        amount: 'Betrag',
        currency: 'Waehrung',
        creditorId: 'Glaeubiger ID',
        mandateId: 'Mandatsreferenz',
      },
      remittanceKeywords: 'labels',
    },
  },
  {
    signature: [
      'Buchungstag',
      'Valuta',
      'Empfänger/Zahlungspflichtiger',
      'Vorgang/Verwendungszweck',
      'Umsatz',
    ],
    profile: {
      name: 'volksbank-fiducia',
      label: 'Volksbank / Raiffeisenbank (Umsatzanzeige before 2020)',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      encoding: 'iso-8859-15',
      columns: {
        bookingDate: 'Buchungstag',
        valueDate: 'Valuta',
        name: 'Empfänger/Zahlungspflichtiger',
        iban: 'IBAN',
        bic: 'BIC',
        remittance: ['Vorgang/Verwendungszweck'],
        endToEndId: 'Kundenreferenz',
        currency: 'Währung',
        amount: 'Umsatz',
        // The last column is named " " and holds S (Soll, debit) or H (Haben, credit).
        sign: { column: 12, debit: ['S'] },
      },
      remittanceWrapped: true,
      remittanceKeywords: 'labels',
      // The closing lines carry the balances, with a date: "Anfangssaldo" / "Endsaldo" in Kundenreferenz.
      balanceRows: { column: 'Kundenreferenz', opening: ['Anfangssaldo'], closing: ['Endsaldo'] },
    },
  },
  {
    signature: ['Datum', 'Uhrzeit', 'Zeitzone', 'Brutto', 'Transaktionscode'],
    profile: {
      name: 'paypal-de',
      label: 'PayPal Aktivitätsbericht (deutsch)',
      delimiter: ',',
      dateFormat: 'DD.MM.YYYY',
      columns: {
        bookingDate: 'Datum',
        name: 'Name',
        bookingText: ['Typ', 'Beschreibung'],
        currency: 'Währung',
        amount: 'Brutto',
        fee: ['Gebühr', 'Entgelt'],
        reference: 'Transaktionscode',
        customerReference: 'Rechnungsnummer',
        remittance: ['Artikelbezeichnung', 'Betreff', 'Hinweis', 'Rechnungsnummer'],
      },
      status: { column: 'Status', booked: ['Abgeschlossen'], pending: ['Ausstehend'] },
      skip: { column: 'Auswirkung auf Guthaben', values: ['Memo'] },
      accountFromEmails: { from: 'Absender E-Mail-Adresse', to: 'Empfänger E-Mail-Adresse' },
      accountName: 'PayPal',
    },
  },
  {
    signature: ['Date', 'Time', 'TimeZone', 'Gross', 'Transaction ID'],
    profile: {
      name: 'paypal-en',
      label: 'PayPal activity report (English)',
      delimiter: ',',
      decimalSeparator: '.',
      // US accounts write MM/DD/YYYY, UK and EU accounts DD/MM/YYYY: read from the file.
      dateFormat: 'MM/DD/YYYY',
      detectDayMonthOrder: true,
      columns: {
        bookingDate: 'Date',
        name: 'Name',
        bookingText: 'Type',
        currency: 'Currency',
        amount: 'Gross',
        fee: 'Fee',
        reference: 'Transaction ID',
        customerReference: 'Invoice Number',
        remittance: ['Item Title', 'Subject', 'Note', 'Invoice Number'],
      },
      status: { column: 'Status', booked: ['Completed'], pending: ['Pending'] },
      skip: { column: 'Balance Impact', values: ['Memo'] },
      accountFromEmails: { from: 'From Email Address', to: 'To Email Address' },
      accountName: 'PayPal',
    },
  },
  {
    signature: ['Date completed (UTC)', 'State', 'Payment currency', 'Amount', 'Total amount'],
    profile: {
      name: 'revolut-business',
      label: 'Revolut Business',
      delimiter: ',',
      decimalSeparator: '.',
      dateFormat: 'YYYY-MM-DD',
      columns: {
        account: 'Account',
        // Pending rows have no completion date yet; the importer keys them on the statement date.
        bookingDate: 'Date completed (UTC)',
        payerName: 'Payer',
        iban: 'Beneficiary IBAN',
        bic: 'Beneficiary BIC',
        bookingText: 'Type',
        remittance: ['Reference', 'Description'],
        reference: 'ID',
        amount: 'Amount',
        // "Total amount" = Amount − Fee: the fee becomes an entry of its own, as with PayPal.
        fee: 'Fee',
        currency: 'Payment currency',
      },
      feeSign: 'charge',
      status: { column: 'State', booked: ['COMPLETED'], pending: ['PENDING'] },
    },
  },
  {
    signature: ['Status', 'Settlement date (UTC)', 'Total amount (incl. VAT)', 'Currency'],
    profile: {
      name: 'qonto',
      label: 'Qonto (English export)',
      delimiter: ',',
      decimalSeparator: '.',
      dateFormat: 'YYYY-MM-DD',
      columns: {
        bookingDate: 'Settlement date (UTC)',
        valueDate: 'Operation date (UTC)',
        name: 'Counterparty name',
        iban: 'IBAN',
        bookingText: 'Payment method',
        remittance: ['Reference'],
        reference: 'Transaction ID',
        amount: 'Total amount (incl. VAT)',
        currency: 'Currency',
      },
      status: { column: 'Status', booked: ['settled', 'executed'], pending: ['pending'] },
    },
  },
  {
    signature: [
      'Buchungsdatum',
      'Auftraggeber/Empfänger',
      'Zahlungsbetrag',
      'Zahlungswährung',
      'Wallet-IBAN',
    ],
    profile: {
      name: 'finom',
      label: 'Finom',
      delimiter: ',',
      decimalSeparator: '.',
      groupSeparator: '',
      dateFormat: 'DD.MM.YYYY',
      columns: {
        account: 'Wallet-IBAN',
        bookingDate: 'Buchungsdatum',
        name: 'Auftraggeber/Empfänger',
        iban: 'Counterparty IBAN',
        bic: 'Counterparty BIC',
        bookingText: 'Transaktionsart',
        remittance: ['Verwendungszweck'],
        reference: 'Transaktions-ID',
        // The amount in the wallet's currency; "Ursprungsbetrag" is the card payment's original currency.
        amount: 'Zahlungsbetrag',
        currency: 'Zahlungswährung',
      },
      status: { column: 'Status', booked: ['Completed'], pending: ['Pending', 'In progress'] },
    },
  },
  {
    signature: ['TransferWise ID', 'Date', 'Amount', 'Currency', 'Running Balance'],
    profile: {
      name: 'wise',
      label: 'Wise',
      delimiter: ',',
      decimalSeparator: '.',
      dateFormat: 'DD-MM-YYYY',
      columns: {
        bookingDate: 'Date',
        payerName: 'Payer Name',
        payeeName: 'Payee Name',
        remittance: ['Payment Reference', 'Description'],
        reference: 'TransferWise ID',
        amount: 'Amount',
        currency: 'Currency',
      },
    },
  },
  {
    signature: ['Type', 'Product', 'Started Date', 'Completed Date', 'Amount', 'Fee', 'State'],
    profile: {
      name: 'revolut',
      label: 'Revolut',
      delimiter: ',',
      decimalSeparator: '.',
      dateFormat: 'YYYY-MM-DD',
      columns: {
        account: 'Product',
        bookingDate: 'Completed Date',
        bookingText: 'Type',
        remittance: ['Description'],
        amount: 'Amount',
        // Balance = previous balance + Amount − Fee: the fee becomes an entry of its own, as with PayPal.
        fee: 'Fee',
        currency: 'Currency',
      },
      feeSign: 'charge',
      status: { column: 'State', booked: ['COMPLETED'], pending: ['PENDING'] },
    },
  },
  {
    signature: ['id', 'Type', 'Source', 'Amount', 'Fee', 'Net', 'Created (UTC)', 'Available On (UTC)'],
    profile: {
      name: 'stripe',
      label: 'Stripe (balance transactions)',
      delimiter: ',',
      decimalSeparator: '.',
      detectDecimalSeparator: true,
      dateFormat: 'YYYY-MM-DD',
      columns: {
        bookingDate: 'Created (UTC)',
        valueDate: 'Available On (UTC)',
        bookingText: 'Type',
        // The charge id (ch_…/py_…) is what shops store with the order.
        remittance: ['Description', 'Source'],
        reference: 'id',
        amount: 'Amount',
        fee: 'Fee',
        currency: 'Currency',
      },
      feeSign: 'deducted',
      accountId: 'stripe',
      accountName: 'Stripe',
    },
  },
  {
    signature: [
      'Buchung',
      'Valuta',
      'Sender / Empfänger',
      'Buchungstext',
      'Verwendungszweck',
      ['Betrag', 'Betrag in EUR'],
    ],
    profile: {
      name: 'consorsbank',
      label: 'Consorsbank',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      columns: {
        bookingDate: 'Buchung',
        valueDate: 'Valuta',
        name: 'Sender / Empfänger',
        iban: ['IBAN', 'IBAN / Konto-Nr.'],
        bic: ['BIC', 'BIC / BLZ'],
        bookingText: 'Buchungstext',
        remittance: ['Verwendungszweck'],
        amount: ['Betrag', 'Betrag in EUR'],
        currency: 'Währung',
      },
    },
  },
  {
    signature: ['Kontonummer', 'Buchungsdatum', 'Valuta', 'Verwendungszweck', 'Betrag', 'Waehrung'],
    profile: {
      name: 'hypovereinsbank',
      label: 'HypoVereinsbank (UniCredit)',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      encoding: 'iso-8859-1',
      columns: {
        account: 'Kontonummer',
        bookingDate: 'Buchungsdatum',
        valueDate: 'Valuta',
        name: 'Empfaenger 1',
        remittance: ['Verwendungszweck'],
        amount: 'Betrag',
        currency: 'Waehrung',
      },
    },
  },
  {
    // E-Finance exports in the user's language: German or English headers.
    signature: [
      ['Avisierungstext', 'Notification text'],
      ['Gutschrift', 'Gutschrift in CHF', 'Gutschrift in EUR', 'Credit in CHF', 'Credit in EUR'],
      ['Lastschrift', 'Lastschrift in CHF', 'Lastschrift in EUR', 'Debit in CHF', 'Debit in EUR'],
    ],
    profile: {
      name: 'postfinance',
      label: 'PostFinance',
      delimiter: ';',
      decimalSeparator: '.',
      groupSeparator: "'",
      dateFormat: 'DD.MM.YYYY',
      acceptIsoDates: true,
      defaultCurrency: 'CHF',
      columns: {
        bookingDate: ['Buchungsdatum', 'Datum', 'Booking date', 'Date'],
        valueDate: ['Valuta', 'Value'],
        bookingText: ['Bewegungstyp', 'Type of transaction'],
        remittance: [['Avisierungstext', 'Notification text']],
        credit: ['Gutschrift', 'Gutschrift in CHF', 'Gutschrift in EUR', 'Credit in CHF', 'Credit in EUR'],
        debit: ['Lastschrift', 'Lastschrift in CHF', 'Lastschrift in EUR', 'Debit in CHF', 'Debit in EUR'],
      },
    },
  },
  {
    signature: [
      '#',
      ['Konto', 'Account'],
      ['Datum', 'Date'],
      ['Betrag', 'Amount'],
      ['Währung', 'Currency'],
      ['Zweck', 'Reason'],
    ],
    profile: {
      name: 'outbank',
      label: 'Outbank export',
      delimiter: ';',
      detectDecimalSeparator: true,
      dateFormat: 'DD.MM.YYYY',
      columns: {
        account: ['Konto', 'Account'],
        bookingDate: ['Datum', 'Date'],
        valueDate: ['Valuta', 'Value Date'],
        amount: ['Betrag', 'Amount'],
        currency: ['Währung', 'Currency'],
        name: 'Name',
        // The counterparty's account and bank: IBAN and BIC in SEPA times.
        iban: ['Nummer', 'Number'],
        bic: 'Bank',
        remittance: [['Zweck', 'Reason']],
        bookingText: ['Buchungstext', 'Posting Text'],
        endToEndId: 'SEPA Referenz',
        customerReference: 'Kundenreferenz',
        mandateId: 'Mandatsreferenz',
        creditorId: 'Gläubiger ID',
      },
    },
  },
  {
    signature: [
      'Datum',
      'Wertstellung',
      'Kategorie',
      'Name',
      'Verwendungszweck',
      'Konto',
      'Bank',
      'Betrag',
      'Währung',
    ],
    profile: {
      name: 'moneymoney',
      label: 'MoneyMoney export',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      columns: {
        bookingDate: 'Datum',
        valueDate: 'Wertstellung',
        name: 'Name',
        remittance: ['Verwendungszweck'],
        iban: 'Konto',
        bic: 'Bank',
        amount: 'Betrag',
        currency: 'Währung',
      },
    },
  },
];
