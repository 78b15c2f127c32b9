package com.partnersportal.settlement.ledger;

/** What a ledger line records. */
public enum LineKind {
    /** Captured money: settled to the merchant less the fee and the VAT on it. */
    SALE("sale"),
    /** Refunded money: taken back from the merchant, with the percentage fee on it (and its VAT) returned. */
    REFUND("refund"),
    /** Released before capture: listed for information, no money moves. */
    CANCEL("cancel"),
    /** A previous period's negative net payable, carried into this one instead of being paid. */
    CARRIED_FORWARD("carried_forward"),
    /** An operator's correction of fees already invoiced: no consumer money, the fee and its VAT netted (ADR 14). */
    FEE_CORRECTION("fee_correction");

    private final String wireName;

    LineKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
