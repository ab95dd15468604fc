package health.mediquo.webhooks.reports;

import health.mediquo.webhooks.api.Cursor;
import health.mediquo.webhooks.api.NewestFirst;
import health.mediquo.webhooks.api.Page;
import health.mediquo.webhooks.api.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The archived reports, as the read API finds them. */
@ApplicationScoped
public class PatientReports {

    private static final NewestFirst<PatientReport> NEWEST_FIRST = new NewestFirst<>(
            PatientReport.class, "occurredOn", report -> new Cursor(report.occurredOn(), report.id()));

    @PersistenceContext
    EntityManager entityManager;

    /** @param reportType only reports of this type, or null for all */
    public Page<ReportSummary> of(String patientCode, TimeRange occurred, String reportType, Cursor after, int limit) {
        return NEWEST_FIRST.page(
                entityManager,
                (builder, report) -> {
                    List<Predicate> conditions = new ArrayList<>();
                    conditions.add(builder.equal(report.get("patientCode"), patientCode));
                    conditions.addAll(occurred.within(builder, report.get("occurredOn")));
                    if (reportType != null) {
                        conditions.add(builder.equal(report.get("reportType"), reportType));
                    }
                    return conditions;
                },
                after,
                limit,
                ReportSummary::of);
    }

    public Optional<ReportDetails> find(String id) {
        return Optional.ofNullable(entityManager.find(PatientReport.class, id)).map(ReportDetails::of);
    }
}
