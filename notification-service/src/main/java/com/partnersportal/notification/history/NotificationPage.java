package com.partnersportal.notification.history;

import java.util.List;

/** A page of notifications, newest first; {@code nextCursor} fetches the next one, null on the last page. */
record NotificationPage(List<NotificationSummary> notifications, String nextCursor) {
}
