package com.partnersportal.settlement.report;

import java.util.List;

/** {@code GET /portal/v1/settlements/reports}: a page of reports, newest period first. */
record ReportListResponse(List<ReportView> reports, String nextCursor) {
}
