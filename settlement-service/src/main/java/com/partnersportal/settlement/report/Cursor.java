package com.partnersportal.settlement.report;

import com.partnersportal.kit.paging.PageCursor;
import java.time.Instant;

/**
 * Where a page of one list ended: the last row's sort instant and id, in service-kit's one cursor format. The list
 * is part of the cursor, so a report list's cursor is refused by a report's lines and the other way round.
 */
public record Cursor(String list, Instant at, String id) {

    public static final String REPORTS = "settlement-reports";
    public static final String LINES = "settlement-lines";

    public String encode() {
        return PageCursor.encode(list, at, id);
    }

    public static Cursor decode(String list, String cursor) {
        PageCursor after = PageCursor.decode(list, cursor);
        return after == null ? null : new Cursor(list, after.instant(0), after.text(1));
    }
}
