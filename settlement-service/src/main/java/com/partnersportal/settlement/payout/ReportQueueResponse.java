package com.partnersportal.settlement.payout;

import com.partnersportal.settlement.report.ReportView;
import java.util.List;

/** {@code GET /operator/v1/settlement/reports}: a page of reports in one status, across merchants. */
record ReportQueueResponse(List<ReportView> reports, String nextCursor) {
}
