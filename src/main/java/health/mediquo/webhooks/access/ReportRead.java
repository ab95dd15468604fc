package health.mediquo.webhooks.access;

import java.time.Instant;

/** A user of the API read a report. */
public record ReportRead(String user, String reportId, Instant at) {}
