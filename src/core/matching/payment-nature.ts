/**
 * Credits that are no customer's payment for one order, whatever numbers and amounts they carry (hard rules of
 * issue 5 §3, "precision beats recall"): recognised from the posting alone, once per posting.
 *
 * 1. Payouts of payment service providers and marketplaces (PayPal, Klarna, Stripe, Mollie, Adyen, Unzer,
 *    Amazon, eBay, Etsy, …). They settle batches of the shop's sales paid through them; their remittance carries
 *    their own payout, settlement or transaction ids ("PP.8842.PP", "st.10311", "Settlement 20920"), whose digits
 *    may equal an open order's number, and a payout of one day's single sale has a common price as its amount.
 *    Orders waiting for a bank transfer are not paid that way. Only our own payment reference (certain by its
 *    check character) still assigns such a posting automatically. Money transfer services that forward one
 *    customer's own transfer (Wise, Revolut, banks) are deliberately not on the list. A payout whose payer is not
 *    on the list still says so in its text (PAYOUT_WORDS).
 * 2. Credits whose text says they return or cancel an earlier transfer: a refund of the dealer that bounced
 *    ("Rücküberweisung", "RETOURE … Konto erloschen"), a cancelled debit booked back ("STORNO"), a chargeback.
 *    The payer may be a customer with an open order of exactly that amount, but the money is the dealer's own
 *    coming back. (Debits with these words are returns: passes/returns.ts.)
 * 3. Credits whose text calls them a refund, credit note, interest, bonus or internal transfer (see
 *    NOT_A_PAYMENT_WORDS): only our reference still assigns them automatically.
 */

/**
 * Provider names as they appear as counterparty (SEPA Dbtr/Nm, MT940 ?32), matched as whole words of the
 * upper-cased name. "Mollie", "Otto" and "Sofort" are also first names or words and "Unzer" a surname, so for them
 * only the company form ("Mollie B.V.", "Stichting Mollie Payments", "Otto GmbH & Co KG", "Unzer E-Com GmbH")
 * counts ("Otto GmbH" and "Sofort GmbH" only as the whole name's start: "Hans Otto GmbH" is a customer); "Square" and "Wix"
 * only as "… Payments".
 */
const PROVIDER =
  /\b(?:PAYPAL|KLARNA|STRIPE|ADYEN|HEIDELPAY|RATEPAY|SUMUP|I?ZETTLE|PAYONE|COMPUTOP|CONCARDIS|WORLDLINE|AFTERPAY|RIVERTY|CLEARPAY|MANGOPAY|LEMONWAY|PAYSAFE|SKRILL|PAYU|PRZELEWY24|NOVALNET|SECUPAY|SHOPIFY|ETSY|EBAY|AMAZON|ZALANDO|KAUFLAND|CHECK24|GALAXUS|ALLEGRO|CDISCOUNT|BRAINTREE|WORLDPAY|NEXI|SCALAPAY|SATISPAY|TWINT|MONDU|EASYCREDIT|TEAMBANK|VIVA\s+WALLET|CHECKOUT\.COM|BOL\.COM|PAYREXX|WALLEE|CREFOPAY|TRUSTLY|MANOMANO|FISERV|TELECASH|ELAVON)\b|\bMOLLIE\s+(?:B\.?\s?V|PAYMENTS)\b|\bUNZER\s+(?:E-?COM|GMBH)\b|\bOTTO\s+PAYMENTS\b|^OTTO\s+GMBH\b|\bBILLIE\s+GMBH\b|\b(?:WIX|SQUARE)\s+PAYMENTS\b|\bHOOD\s+MEDIA\b|^SOFORT\s+GMBH\b/;

/**
 * Return and cancellation words of bank booking texts (umlauts as Ü, UE or U); returns.ts recognises debits that
 * return a payment by the same words.
 */
/** SEPA return reason codes (ISO 20022 ExternalReturnReason1Code) that banks print in a return's text. */
const REASON_CODES = String.raw`\b(?:AC0[146]|AG0[12]|AM0[45]|BE05|MD0[167]|MS0[23]|RR0[1-4]|SL01|FOCR|FRAD)\b`;
/** Return words customers write as well ("1 Artikel zurückgesandt", "Retour"). */
const CUSTOMER_RETURN_WORDS = String.raw`\bRETOURE?\b|\bRETURN(?:ED)?\b|ZUR(?:Ü|UE|U)CK\w*|R(?:Ü|UE|U)CKGABE`;

export const RETURN_BOOKING_WORDS = new RegExp(
  [
    String.raw`R(?:Ü|UE|U|\?)CK(?:Ü|UE|U|\?)BERWEISUNG|R(?:Ü|UE|U|\?)CKBUCHUNG|R(?:Ü|UE|U|\?)CKLASTSCHRIFT|R(?:Ü|UE|U|\?)CKBELASTUNG|CHARGEBACK`,
    String.raw`LASTSCHRIFT-?R(?:Ü|UE|U|\?)CKGABE|R(?:Ü|UE|U|\?)CKGABE\s+(?:SEPA-?)?LASTSCHRIFT|WIEDERBELASTUNG|STORNO\s+(?:SEPA-?)?LASTSCHRIFT`,
    // Words customers write as well count only next to a SEPA return reason code ("SEPA RETOUR AC01",
    // "Zurueckgesandt AC04 Konto erloschen", "MD06 Lastschrift").
    String.raw`(?:${CUSTOMER_RETURN_WORDS})[^\n]{0,40}?${REASON_CODES}`,
    String.raw`${REASON_CODES}[^\n]{0,40}?(?:${CUSTOMER_RETURN_WORDS}|LASTSCHRIFT)`,
  ].join('|'),
);
/**
 * Bank return words that a dealer's own refund transfer uses as well ("Rücküberweisung Doppelzahlung"): a debit
 * with only these is no certain return (passes/returns.ts), and with REFUND_WORDS it is the dealer's refund.
 */
export const WEAK_RETURN_WORDS = /R(?:Ü|UE|U|\?)CK(?:Ü|UE|U|\?)BERWEISUNG|R(?:Ü|UE|U|\?)CKBUCHUNG/;
/** Words of the dealer's own refunds and credit notes. */
export const REFUND_WORDS = /ERSTATTUNG|R(?:Ü|UE|U|\?)CKZAHLUNG|\bREFUND|DOPPELZAHLUNG|GUTSCHRIFT/;
/**
 * Words a customer writes as well ("Rest nach Retoure", "Storno Pos. 2"): they block a guess, never our own
 * payment reference (the customer paying the rest of an order after sending something back).
 */
const RETURNED_OR_CUSTOMER = /\bRETOURE\b|\bSTORNO/;

/**
 * Money transfer services that forward a customer's own transfer from a collection account (the IBAN is theirs,
 * shared by all their customers; the name is theirs or the sender's). Not payouts (their payments are customers'
 * payments), but their IBAN and their own name say nothing about which customer paid: nothing is learned from
 * them and nothing learned applies to them (learning.ts, payer-evidence.ts). "Wise" alone is also a surname.
 */
const MONEY_TRANSFER =
  /\b(?:TRANSFERWISE|WISE\s+(?:EUROPE|PAYMENTS)|WESTERN\s+UNION|MONEYGRAM|REMITLY|WORLDREMIT|AZIMO|XOOM|PAYSEND|RIA\s+(?:FINANCIAL|MONEY|PAYMENT)|CURRENCYFAIR|KANTOX)\b/;

/** Is the payer a money transfer service's collection account (see MONEY_TRANSFER)? */
export function isMoneyTransferService(counterpartyName: string | null | undefined): boolean {
  return !!counterpartyName && MONEY_TRANSFER.test(counterpartyName.toUpperCase());
}

/** Is the payer a payment service provider or marketplace paying out (rule 1 above)? */
export function isProviderPayout(counterpartyName: string | null | undefined): boolean {
  return !!counterpartyName && PROVIDER.test(counterpartyName.toUpperCase());
}

/**
 * A credit's words for money that is no customer's order payment (rule 3): a refund, a tax or insurance
 * reimbursement, a supplier's credit note ("Gutschrift zu Ihrer Bestellung 10023": the dealer's own purchase
 * order), interest, a bonus or cashback, a transfer between the dealer's own accounts. Its numbers are other
 * parties' and its amount may equal an open order's by chance. Customers paying an order do not write these.
 * ("Gutschrift" alone is many banks' booking text for every incoming transfer: only its credit-note forms count.)
 */
const NOT_A_PAYMENT_WORDS =
  /ERSTATTUNG|\bREFUND|GUTSCHRIFT\s*(?:ZU|ZUR|ZUM|NR|NUMMER|IHRER?)\b|GUTSCHRIFTS?NR|CASHBACK|\bPR(?:Ä|AE)MIE|\bBONUS\b|\bZINSEN\b|\bHABENZINSEN|DIVIDENDE|UMBUCHUNG|\bKAUTION\b/;

/**
 * A credit's words for a payout (rule 1 by the text): a payment service provider, marketplace, affiliate or
 * reseller platform not on PROVIDER names what it pays ("Digistore24 Auszahlung 10245", "PAYOUT 10245 GoCardless",
 * "TikTok Shop Settlement 10245"); the number after it is the payout's. Customers paying an order write
 * "Zahlung", "Anzahlung", "Teilzahlung", "Vorauszahlung" (also "Vorrauszahlung"), never "Auszahlung"; in English
 * they pay "in settlement of" an invoice.
 */
const PAYOUT_WORDS =
  /(?<!VORR?)AUSZAHLUNG|\bPAY-?OUTS?\b|(?<!\b(?:IN|FULL|FINAL|PARTIAL)\s+)\bSETTLEMENTS?\b(?!\s+(?:OF|FOR)\b)/;
/**
 * Cash on delivery: the carrier pays out what it collected for the dealer's parcels ("DHL Nachnahme Auszahlung"),
 * each a customer's payment of an order it names.
 */
const CASH_ON_DELIVERY = /NACHNAHME|\bCOD\b|CASH\s+ON\s+DELIVERY/;
/** Either kind of word in one scan: most texts have neither (the kind is asked only then). */
const NOT_A_PAYMENT_OR_PAYOUT = new RegExp(`${NOT_A_PAYMENT_WORDS.source}|${PAYOUT_WORDS.source}`);

/** Does a credit's text say it returns or cancels an earlier transfer (rule 2 above)? */
export function isReturnedCredit(remittance: string | null | undefined): boolean {
  return returnWords(remittance) === 'booked';
}

/** Does the text use a return word that customers write too (RETOURE, STORNO)? Not against our reference. */
export function mentionsReturn(remittance: string | null | undefined): boolean {
  return !!remittance && RETURNED_OR_CUSTOMER.test(remittance.toUpperCase());
}

/**
 * Rules 2 and 3, and rule 1 by the text, on one upper-casing of the text: 'booked' (a bank's return booking word,
 * rule 2), 'customer' (only a word customers write too), 'not_a_payment' (a refund, credit note, bonus, interest or
 * internal transfer, rule 3, or a payout, PAYOUT_WORDS), or undefined.
 */
export function returnWords(
  remittance: string | null | undefined,
): 'booked' | 'customer' | 'not_a_payment' | undefined {
  if (!remittance) return undefined;
  const upper = remittance.toUpperCase();
  if (RETURN_BOOKING_WORDS.test(upper)) return 'booked';
  if (RETURNED_OR_CUSTOMER.test(upper)) return 'customer';
  if (!NOT_A_PAYMENT_OR_PAYOUT.test(upper)) return undefined;
  return NOT_A_PAYMENT_WORDS.test(upper) || !CASH_ON_DELIVERY.test(upper) ? 'not_a_payment' : undefined;
}
