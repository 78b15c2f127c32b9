package com.partnersportal.orders.wire;

import com.partnersportal.kit.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captured or canceled items are kept as the merchant sent them, as JSON. */
public final class ItemsJson {

    private ItemsJson() {
    }

    public static String write(List<WireItem> items) {
        return items == null || items.isEmpty() ? null : new String(EventJson.write(items), StandardCharsets.UTF_8);
    }
}
