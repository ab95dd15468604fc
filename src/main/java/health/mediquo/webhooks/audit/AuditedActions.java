package health.mediquo.webhooks.audit;

import health.mediquo.webhooks.access.DeliveryAction;
import health.mediquo.webhooks.access.ReportsRead;
import health.mediquo.webhooks.erasure.ErasureRun;
import health.mediquo.webhooks.erasure.PatientErased;
import health.mediquo.webhooks.privacy.ReEncrypted;
import health.mediquo.webhooks.privacy.ReEncryptionRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Records what users of the API did, as it happens: a failure to record fails the request, so nothing is seen or
 * done without its entry.
 */
@ApplicationScoped
public class AuditedActions {

    @Inject
    AuditTrail trail;

    void reportsRead(@Observes ReportsRead read) {
        trail.append(read.reports().stream()
                .map(report -> new AuditRecord(
                        read.user(),
                        "report-read",
                        report.reportId(),
                        report.patientCode(),
                        "view=" + read.view(),
                        read.at()))
                .toList());
    }

    void deliveryAction(@Observes DeliveryAction action) {
        trail.append(new AuditRecord(
                action.user(),
                "delivery-" + action.action(),
                action.deliveryId(),
                null,
                "outcome=" + action.outcome(),
                action.at()));
    }

    void erasure(@Observes ErasureRun run) {
        PatientErased result = run.result();
        trail.append(new AuditRecord(
                run.user(),
                "patient-erasure",
                null,
                run.patientCode(),
                "deliveries %d, reports %d, notifications %d, batches %d"
                        .formatted(result.deliveries(), result.reports(), result.notifications(), result.batches()),
                run.at()));
    }

    void reEncryption(@Observes ReEncryptionRun run) {
        ReEncrypted result = run.result();
        trail.append(new AuditRecord(
                run.user(),
                "re-encryption",
                null,
                null,
                "data key %s, resealed %s, retired %s; digest key %s, digested again %d, retired %s"
                        .formatted(
                                result.currentKey(),
                                result.resealedRows(),
                                result.retiredKeys(),
                                result.currentDigestKey(),
                                result.redigestedRows(),
                                result.retiredDigestKeys()),
                run.at()));
    }
}
