package health.mediquo.webhooks.reports;

import health.mediquo.webhooks.events.PatientReportSent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Archives every report MediQuo sends, in the transaction of its delivery. */
@ApplicationScoped
public class ReportArchive {

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    Event<ReportArchived> archived;

    void archive(@Observes PatientReportSent sent) {
        PatientReport report = PatientReport.of(sent);
        entityManager.persist(report);
        archived.fire(new ReportArchived(
                report.id(),
                sent.delivery(),
                sent.patientCode(),
                sent.report().type(),
                sent.occurredOn(),
                sent.receivedAt()));
    }
}
