package com.partnersportal.orders.export;

/** Where an order export stands: queued, running (with rows written), done (downloadable), failed, expired. */
enum ExportStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    EXPIRED;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
