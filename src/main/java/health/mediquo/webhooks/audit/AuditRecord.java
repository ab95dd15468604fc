package health.mediquo.webhooks.audit;

import java.time.Instant;

/**
 * Something to record in the audit trail.
 *
 * @param user who did it: an API user, or {@code configuration} for a change of access found at startup
 * @param action what, e.g. {@code report-read}
 * @param subject what it was done to (a report, delivery or user), or null
 * @param patientCode whose data it touched, or null; the trail keeps only its keyed digest
 * @param detail how, and with what outcome; never clinical text
 */
public record AuditRecord(String user, String action, String subject, String patientCode, String detail, Instant at) {}
