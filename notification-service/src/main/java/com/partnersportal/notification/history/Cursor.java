package com.partnersportal.notification.history;

import com.partnersportal.kit.paging.PageCursor;
import java.time.Instant;
import java.util.UUID;

/** Where a page ended: the last notification's creation time and id, in service-kit's one cursor format. */
record Cursor(Instant createdAt, UUID id) {

    private static final String LIST = "notifications";

    String encode() {
        return PageCursor.encode(LIST, createdAt, id);
    }

    static Cursor decode(String cursor) {
        PageCursor after = PageCursor.decode(LIST, cursor);
        return after == null ? null : new Cursor(after.instant(0), after.uuid(1));
    }
}
