package com.partnersportal.orders.order;

import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An order's lines, written once at checkout. Kept apart from the {@link Order} aggregate so that the many
 * updates of an order's status and amounts never rewrite its lines.
 */
@Repository
public class OrderItems {

    private final JdbcClient jdbc;

    OrderItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID orderId, List<OrderItem> items) {
        for (int position = 0; position < items.size(); position++) {
            OrderItem item = items.get(position);
            jdbc.sql("""
                            INSERT INTO order_item (order_id, position, reference_id, type, name, sku, quantity, total_amount)
                            VALUES (:orderId, :position, :referenceId, :type, :name, :sku, :quantity, :total)""")
                    .param("orderId", orderId)
                    .param("position", position)
                    .param("referenceId", item.referenceId())
                    .param("type", item.type())
                    .param("name", item.name())
                    .param("sku", item.sku())
                    .param("quantity", item.quantity())
                    .param("total", item.totalAmount().amount())
                    .update();
        }
    }

    public List<OrderItem> of(UUID orderId, Currency currency) {
        return jdbc.sql("""
                        SELECT reference_id, type, name, sku, quantity, total_amount FROM order_item
                        WHERE order_id = :orderId ORDER BY position""")
                .param("orderId", orderId)
                .query((row, number) -> new OrderItem(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getInt(5), new Money(row.getBigDecimal(6), currency)))
                .list();
    }
}
