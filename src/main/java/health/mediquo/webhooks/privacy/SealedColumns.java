package health.mediquo.webhooks.privacy;

import java.util.List;

/** The columns of one table that hold sealed text (the attributes converted by {@link SealedText}). */
record SealedColumns(String table, List<String> columns) {

    static final List<SealedColumns> ALL = List.of(
            new SealedColumns("delivery", List.of("body")),
            new SealedColumns(
                    "patient_report", List.of("subjective", "objective", "assessment", "plan", "content_json")));
}
