package health.mediquo.webhooks.access;

import java.time.Instant;
import java.util.Locale;

/**
 * A user of the API saw a report: in a list ({@code SUMMARY}) or whole, with its clinical content.
 *
 * @param patientCode whose report it is: for the audit trail, which keeps only its keyed digest; never logged
 */
public record ReportRead(String user, String reportId, String patientCode, View view, Instant at) {

    public enum View {
        SUMMARY,
        CONTENT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
