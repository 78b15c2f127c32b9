package com.partnersportal.orders.wire;

import com.partnersportal.kit.money.WireMoney;
import com.partnersportal.orders.order.OrderStatus;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full view of an order (Tamara's get-order answer, the portal's detail) read in one statement: the order's
 * row with its lines and transactions (and the timeline for the portal) aggregated as JSON arrays by PostgreSQL,
 * mapped by hand (no generic entity mapping per call). A single statement sees one snapshot, so no transaction
 * is needed; every lookup names the merchant. Amounts and times travel as text, so nothing is rounded on the way.
 */
@Component
public class OrderViews {

    private static final String COLUMNS = """
            SELECT o.id, o.order_reference_id, o.order_number, o.description, o.status, o.payment_type, o.instalments,
                   o.locale, o.country_code, o.legal_entity_id,
                   o.consumer_first_name, o.consumer_last_name, o.consumer_phone_number, o.consumer_email,
                   o.shipping_first_name, o.shipping_last_name, o.shipping_line1, o.shipping_line2, o.shipping_region,
                   o.shipping_city, o.shipping_country_code, o.shipping_phone_number,
                   o.billing_first_name, o.billing_last_name, o.billing_line1, o.billing_line2, o.billing_region,
                   o.billing_city, o.billing_country_code, o.billing_phone_number,
                   o.currency, o.total_amount, o.tax_amount, o.shipping_amount, o.discount_name, o.discount_amount,
                   o.captured_amount, o.refunded_amount, o.canceled_amount,
                   o.expires_at, o.auto_capture_at, o.created_at, o.updated_at,
                   (SELECT json_agg(json_build_array(reference_id, type, name, sku, quantity, total_amount::text)
                                    ORDER BY position)
                    FROM order_item WHERE order_id = o.id) AS items,
                   (SELECT json_agg(json_build_array(id, amount::text, refunded_amount::text,
                                                     extract(epoch FROM shipped_at)::text, shipping_company,
                                                     tracking_number, tracking_url, automatic,
                                                     extract(epoch FROM created_at)::text) ORDER BY created_at, id)
                    FROM order_capture WHERE order_id = o.id) AS captures,
                   (SELECT json_agg(json_build_array(id, capture_id, amount::text, comment, merchant_refund_id,
                                                     extract(epoch FROM created_at)::text) ORDER BY created_at, id)
                    FROM order_refund WHERE order_id = o.id) AS refunds,
                   (SELECT json_agg(json_build_array(id, amount::text, extract(epoch FROM created_at)::text)
                                    ORDER BY created_at, id)
                    FROM order_cancel WHERE order_id = o.id) AS cancels""";

    private static final String TIMELINE = """
            ,
                   (SELECT json_agg(json_build_array(extract(epoch FROM c.occurred_at)::text, c.kind, c.from_status,
                                                     c.to_status, c.amount::text, c.reference_id, c.detail,
                                                     c.actor_type, c.actor_id, n.name) ORDER BY c.id)
                    FROM order_change c
                    LEFT JOIN actor_name n ON n.merchant_id = o.merchant_id AND n.actor_type = c.actor_type
                                          AND n.actor_id = c.actor_id
                    WHERE c.order_id = o.id) AS timeline""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OrderViews(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Tamara's get-order answer, if the merchant has this order. */
    public Optional<OrderView> find(UUID merchantId, UUID orderId) {
        return jdbc.sql(COLUMNS + " FROM orders o WHERE o.id = :id AND o.merchant_id = :merchantId")
                .param("id", orderId)
                .param("merchantId", merchantId)
                .query((row, number) -> map(row, false))
                .optional();
    }

    /** The merchant's most recent order with this reference (references are the merchant's, not unique). */
    public Optional<OrderView> findByReference(UUID merchantId, String orderReferenceId) {
        return jdbc.sql(COLUMNS + """
                         FROM orders o WHERE o.merchant_id = :merchantId AND o.order_reference_id = :reference
                        ORDER BY o.created_at DESC LIMIT 1""")
                .param("merchantId", merchantId)
                .param("reference", orderReferenceId)
                .query((row, number) -> map(row, false))
                .optional();
    }

    /** The portal's order detail: the same, with the timeline. */
    public Optional<OrderView> findWithTimeline(UUID merchantId, UUID orderId) {
        return jdbc.sql(COLUMNS + TIMELINE + " FROM orders o WHERE o.id = :id AND o.merchant_id = :merchantId")
                .param("id", orderId)
                .param("merchantId", merchantId)
                .query((row, number) -> map(row, true))
                .optional();
    }

    private OrderView map(ResultSet row, boolean withTimeline) throws SQLException {
        Currency currency = Currency.valueOf(row.getString("currency"));
        return new OrderView(row.getObject("id", UUID.class), row.getString("order_reference_id"),
                row.getString("order_number"), row.getString("description"),
                OrderStatus.valueOf(row.getString("status")).wireName(),
                row.getString("payment_type"), (Integer) row.getObject("instalments"), row.getString("locale"),
                row.getString("country_code"), row.getObject("legal_entity_id", UUID.class),
                new OrderView.Consumer(row.getString("consumer_first_name"), row.getString("consumer_last_name"),
                        row.getString("consumer_phone_number"), row.getString("consumer_email")),
                address(row, "shipping_"), address(row, "billing_"),
                list(row.getString("items"), item -> new OrderView.Item(item.get(0).asString(), item.get(1).asString(),
                        text(item.get(2)), text(item.get(3)), item.get(4).asInt(), money(item.get(5), currency))),
                money(row.getBigDecimal("total_amount"), currency), money(row.getBigDecimal("tax_amount"), currency),
                money(row.getBigDecimal("shipping_amount"), currency),
                new OrderView.Discount(row.getString("discount_name"), money(row.getBigDecimal("discount_amount"), currency)),
                money(row.getBigDecimal("captured_amount"), currency), money(row.getBigDecimal("refunded_amount"), currency),
                money(row.getBigDecimal("canceled_amount"), currency),
                new OrderView.Transactions(
                        list(row.getString("captures"), capture -> new OrderView.CaptureView(uuid(capture.get(0)),
                                money(capture.get(1), currency), money(capture.get(2), currency),
                                new OrderView.ShippingInfo(instant(capture.get(3)), text(capture.get(4)),
                                        text(capture.get(5)), text(capture.get(6))),
                                capture.get(7).asBoolean(), instant(capture.get(8)))),
                        list(row.getString("refunds"), refund -> new OrderView.RefundView(uuid(refund.get(0)),
                                uuid(refund.get(1)), money(refund.get(2), currency), text(refund.get(3)),
                                text(refund.get(4)), instant(refund.get(5)))),
                        list(row.getString("cancels"), cancel -> new OrderView.CancelView(uuid(cancel.get(0)),
                                money(cancel.get(1), currency), instant(cancel.get(2))))),
                instant(row, "expires_at"), instant(row, "auto_capture_at"), instant(row, "created_at"),
                instant(row, "updated_at"),
                withTimeline ? list(row.getString("timeline"), change -> new OrderView.TimelineEntry(
                        instant(change.get(0)), change.get(1).asString(), text(change.get(2)), change.get(3).asString(),
                        money(change.get(4), currency), text(change.get(5)), text(change.get(6)),
                        new OrderView.Actor(change.get(7).asString(), change.get(8).asString(), text(change.get(9))))) : null);
    }

    private static OrderView.Address address(ResultSet row, String prefix) throws SQLException {
        String[] values = new String[8];
        String[] names = {"first_name", "last_name", "line1", "line2", "region", "city", "country_code", "phone_number"};
        boolean any = false;
        for (int i = 0; i < names.length; i++) {
            values[i] = row.getString(prefix + names[i]);
            any |= values[i] != null;
        }
        return any ? new OrderView.Address(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7]) : null;
    }

    private <T> List<T> list(String jsonArray, Function<JsonNode, T> element) {
        if (jsonArray == null) {
            return List.of();
        }
        JsonNode array = json.readTree(jsonArray);
        List<T> elements = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            elements.add(element.apply(node));
        }
        return elements;
    }

    private static WireMoney money(BigDecimal amount, Currency currency) {
        return amount == null ? null : WireMoney.of(new Money(amount, currency));
    }

    private static WireMoney money(JsonNode amount, Currency currency) {
        return amount.isNull() ? null : money(new BigDecimal(amount.asString()), currency);
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asString();
    }

    private static UUID uuid(JsonNode node) {
        return node.isNull() ? null : UUID.fromString(node.asString());
    }

    /** From PostgreSQL's epoch seconds with microseconds, exactly. */
    private static Instant instant(JsonNode epochSeconds) {
        return epochSeconds.isNull() ? null
                : Instant.EPOCH.plus(new BigDecimal(epochSeconds.asString()).movePointRight(6).longValueExact(),
                        ChronoUnit.MICROS);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
