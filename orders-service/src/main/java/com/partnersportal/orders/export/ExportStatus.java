package com.partnersportal.orders.export;

/**
 * Where an order export stands: queued, running (with rows written), done (downloadable), failed, expired, or
 * revoked (its requester's access was revoked before it was downloaded: it is not mailed and its link is dead).
 */
enum ExportStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    EXPIRED,
    REVOKED;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
