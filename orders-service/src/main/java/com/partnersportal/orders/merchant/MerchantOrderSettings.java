package com.partnersportal.orders.merchant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Each merchant's order timers: its own settings where an operator set them, the defaults otherwise. */
@Service
@EnableConfigurationProperties(OrderTimerProperties.class)
public class MerchantOrderSettings {

    private final JdbcClient jdbc;
    private final OrderTimerProperties defaults;
    private final Clock clock;

    MerchantOrderSettings(JdbcClient jdbc, OrderTimerProperties defaults, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.clock = clock;
    }

    public OrderTimers timersOf(UUID merchantId) {
        return jdbc.sql("""
                        SELECT new_order_expiry_seconds, approved_expiry_seconds, auto_capture_after_seconds,
                               auto_capture_on_authorise
                        FROM merchant_order_settings WHERE merchant_id = :merchantId""")
                .param("merchantId", merchantId)
                .query((row, number) -> new OrderTimers(
                        Duration.ofSeconds(row.getLong(1)), Duration.ofSeconds(row.getLong(2)),
                        Duration.ofSeconds(row.getLong(3)), row.getBoolean(4)))
                .optional()
                .orElseGet(defaults::timers);
    }

    OrderTimers defaults() {
        return defaults.timers();
    }

    void set(UUID merchantId, OrderTimers timers) {
        jdbc.sql("""
                        INSERT INTO merchant_order_settings (merchant_id, new_order_expiry_seconds, approved_expiry_seconds,
                            auto_capture_after_seconds, auto_capture_on_authorise, updated_at, version)
                        VALUES (:merchantId, :newOrder, :approved, :autoCapture, :onAuthorise, :now, 0)
                        ON CONFLICT (merchant_id) DO UPDATE SET
                            new_order_expiry_seconds = excluded.new_order_expiry_seconds,
                            approved_expiry_seconds = excluded.approved_expiry_seconds,
                            auto_capture_after_seconds = excluded.auto_capture_after_seconds,
                            auto_capture_on_authorise = excluded.auto_capture_on_authorise,
                            updated_at = excluded.updated_at,
                            version = merchant_order_settings.version + 1""")
                .param("merchantId", merchantId)
                .param("newOrder", timers.newOrderExpiry().toSeconds())
                .param("approved", timers.approvedExpiry().toSeconds())
                .param("autoCapture", timers.autoCaptureAfter().toSeconds())
                .param("onAuthorise", timers.autoCaptureOnAuthorise())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
