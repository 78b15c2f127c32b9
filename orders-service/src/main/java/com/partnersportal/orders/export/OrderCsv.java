package com.partnersportal.orders.export;

import static com.partnersportal.kit.csv.CsvCells.safe;

import com.partnersportal.orders.order.OrderStatus;
import com.partnersportal.orders.search.OrderSummary;
import com.partnersportal.types.Currency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes orders as CSV a spreadsheet opens safely: UTF-8 with a byte order mark (so Excel shows Arabic names),
 * amounts at their currency's scale, times in the merchant's time zone, and every cell that a spreadsheet would
 * read as a formula ({@code = + - @}, tab, carriage return) prefixed with an apostrophe.
 */
final class OrderCsv implements AutoCloseable {

    static final String[] HEADER = {"order_id", "order_reference_id", "order_number", "created_at", "updated_at",
            "status", "legal_entity_id", "country_code", "currency", "total_amount", "captured_amount",
            "refunded_amount", "canceled_amount", "tax_amount", "shipping_amount", "discount_amount", "payment_type",
            "instalments", "consumer_first_name", "consumer_last_name", "consumer_email", "consumer_phone_number"};

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVPrinter printer;
    private final DateTimeFormatter times;

    OrderCsv(Writer out, ZoneId zone) {
        try {
            out.write(BYTE_ORDER_MARK);
            this.printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    void write(OrderSummary order) {
        Currency currency = Currency.valueOf(order.currency());
        try {
            printer.printRecord(order.id(), safe(order.orderReferenceId()), safe(order.orderNumber()),
                    times.format(order.createdAt()), times.format(order.updatedAt()),
                    OrderStatus.valueOf(order.status()).wireName(), order.legalEntityId(), order.countryCode(),
                    order.currency(), amount(order.totalAmount(), currency), amount(order.capturedAmount(), currency),
                    amount(order.refundedAmount(), currency), amount(order.canceledAmount(), currency),
                    amount(order.taxAmount(), currency), amount(order.shippingAmount(), currency),
                    amount(order.discountAmount(), currency), safe(order.paymentType()), order.instalments(),
                    safe(order.consumerFirstName()), safe(order.consumerLastName()), safe(order.consumerEmail()),
                    safe(order.consumerPhoneNumber()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static String amount(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.scale()).toPlainString();
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
