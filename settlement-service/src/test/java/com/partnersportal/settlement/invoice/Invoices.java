package com.partnersportal.settlement.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.UUID;

/** Invoice documents for the tests (an object mother). */
final class Invoices {

    static final Party PROVIDER = new Party("Partners Portal Payments Company", "شركة بوابة الشركاء للمدفوعات",
            "310123456700003", "1010123456", "King Fahd Road", "2334", "Al Olaya", "Riyadh", "12214", "SA");

    static final Party MERCHANT = new Party("Desert Lamps Trading LLC", "شركة مصابيح الصحراء للتجارة",
            "300000000000003", "1010999999", null, null, null, null, null, "SA");

    private Invoices() {
    }

    static InvoiceDocument november(long icv, String previousHash, String taxable) {
        BigDecimal net = new BigDecimal(taxable);
        BigDecimal vat = net.multiply(BigDecimal.valueOf(15)).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
        YearMonth month = YearMonth.of(2026, 11);
        return new InvoiceDocument(DocumentType.INVOICE, null, null, "INV-%08d".formatted(icv), UUID.randomUUID(), icv, previousHash,
                LocalDate.of(2026, 12, 1), LocalTime.of(0, 0, 5), month, month.atDay(1), month.atEndOfMonth(),
                PROVIDER, MERCHANT, "Olaya St 1, Riyadh", "SAR", net, new BigDecimal("15"), vat, net.add(vat));
    }
}
