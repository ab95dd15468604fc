package health.mediquo.webhooks.reports;

import health.mediquo.webhooks.inbox.DeliveryId;
import java.time.Instant;

/** A patient report was archived; carries what may be told about it, never its clinical text. */
public record ReportArchived(
        String reportId,
        DeliveryId delivery,
        String patientCode,
        String reportType,
        Instant occurredOn,
        Instant receivedAt) {}
