package health.mediquo.webhooks.access;

import java.util.List;

/**
 * The reports one answer of the API showed a user: one event per answer, so that the audit trail records a page of
 * reads in one append (one commit holding the chain's head) rather than one per report.
 */
public record ReportsRead(List<ReportRead> reads) {}
