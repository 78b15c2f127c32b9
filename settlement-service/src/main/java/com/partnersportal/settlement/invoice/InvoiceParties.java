package com.partnersportal.settlement.invoice;

/** Who issued the invoice and to whom, as they were when it was issued (kept with the invoice, never updated). */
record InvoiceParties(Party seller, Party buyer, String buyerAddressLine) {
}
