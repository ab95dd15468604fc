package health.mediquo.webhooks.access;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A user of the API saw reports in one answer: in a list ({@code SUMMARY}) or one whole, with its clinical content.
 * One event per answer, so that the audit trail records a page in one append (one commit holding the chain's head)
 * rather than one per report.
 */
public record ReportsRead(String user, View view, Instant at, List<Seen> reports) {

    /** @param patientCode whose report it is: for the audit trail, which keeps only its keyed digest; never logged */
    public record Seen(String reportId, String patientCode) {}

    public enum View {
        SUMMARY,
        CONTENT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
