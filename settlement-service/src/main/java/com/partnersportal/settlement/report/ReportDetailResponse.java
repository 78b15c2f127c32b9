package com.partnersportal.settlement.report;

import java.util.List;

/** {@code GET /portal/v1/settlements/reports/{id}}: the report and a page of its lines in booking order. */
record ReportDetailResponse(ReportView report, List<LineView> lines, String nextCursor) {
}
