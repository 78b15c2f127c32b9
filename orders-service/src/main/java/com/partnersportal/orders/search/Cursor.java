package com.partnersportal.orders.search;

import com.partnersportal.kit.paging.PageCursor;
import java.time.Instant;
import java.util.UUID;

/** Where a page of the order list ended: the last order's creation time and id, in service-kit's one cursor format. */
public record Cursor(Instant createdAt, UUID id) {

    private static final String LIST = "orders";

    public String encode() {
        return PageCursor.encode(LIST, createdAt, id);
    }

    public static Cursor decode(String cursor) {
        PageCursor after = PageCursor.decode(LIST, cursor);
        return after == null ? null : new Cursor(after.instant(0), after.uuid(1));
    }
}
