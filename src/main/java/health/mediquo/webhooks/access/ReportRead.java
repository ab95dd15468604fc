package health.mediquo.webhooks.access;

import java.time.Instant;
import java.util.Locale;

/** A user of the API saw a report: in a list ({@code SUMMARY}) or whole, with its clinical content. */
public record ReportRead(String user, String reportId, View view, Instant at) {

    public enum View {
        SUMMARY,
        CONTENT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
