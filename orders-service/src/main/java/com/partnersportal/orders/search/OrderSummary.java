package com.partnersportal.orders.search;

import com.partnersportal.kit.jdbc.SnakeCaseRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/** One row of the order list (and of an export). */
public record OrderSummary(
        UUID id,
        UUID legalEntityId,
        String orderReferenceId,
        String orderNumber,
        String status,
        String currency,
        BigDecimal totalAmount,
        BigDecimal capturedAmount,
        BigDecimal refundedAmount,
        BigDecimal canceledAmount,
        BigDecimal taxAmount,
        BigDecimal shippingAmount,
        BigDecimal discountAmount,
        String countryCode,
        String paymentType,
        Integer instalments,
        String consumerFirstName,
        String consumerLastName,
        String consumerEmail,
        String consumerPhoneNumber,
        Instant createdAt,
        Instant updatedAt) {

    static final RowMapper<OrderSummary> ROWS = SnakeCaseRecords.of(OrderSummary.class);

    static final String COLUMNS = """
            id, legal_entity_id, order_reference_id, order_number, status, currency, total_amount, captured_amount,
            refunded_amount, canceled_amount, tax_amount, shipping_amount, discount_amount, country_code, payment_type,
            instalments, consumer_first_name, consumer_last_name, consumer_email, consumer_phone_number, created_at,
            updated_at""";
}
