package com.partnersportal.settlement.invoice;

/**
 * The tax documents the provider issues for its fees, by UN/CEFACT 1001 code (ZATCA's InvoiceTypeCode): the monthly
 * tax invoice, and the credit and debit notes that correct the fees of a month already invoiced. All three are
 * standard (B2B) documents: cleared by ZATCA before the merchant gets them, in one ICV/PIH chain.
 */
public enum DocumentType {
    INVOICE("388", "Tax Invoice", "فاتورة ضريبية"),
    CREDIT_NOTE("381", "Tax Credit Note", "إشعار دائن"),
    DEBIT_NOTE("383", "Tax Debit Note", "إشعار مدين");

    private final String code;
    private final String titleEn;
    private final String titleAr;

    DocumentType(String code, String titleEn, String titleAr) {
        this.code = code;
        this.titleEn = titleEn;
        this.titleAr = titleAr;
    }

    public String code() {
        return code;
    }

    public String titleEn() {
        return titleEn;
    }

    public String titleAr() {
        return titleAr;
    }

    public boolean isNote() {
        return this != INVOICE;
    }

    /** The wire name (portal API, events): {@code invoice}, {@code credit_note}, {@code debit_note}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
