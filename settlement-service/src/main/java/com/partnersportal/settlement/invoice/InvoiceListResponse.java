package com.partnersportal.settlement.invoice;

import java.util.List;

/** {@code GET /portal/v1/invoices}: a page of invoices, newest first. */
record InvoiceListResponse(List<InvoiceView> invoices, String nextCursor) {
}
