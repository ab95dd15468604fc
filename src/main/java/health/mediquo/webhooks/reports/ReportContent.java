package health.mediquo.webhooks.reports;

import health.mediquo.webhooks.receiving.JsonFields;

/** The clinical content of a report; its structure depends on the report type. */
public sealed interface ReportContent {

    int MAX_TYPE_LENGTH = 100;
    /** A SOAP section may be long, but must fit a database text column on every supported database. */
    int MAX_SECTION_LENGTH = 65_536;

    String type();

    /** Reads {@code type} and {@code content} of a report payload. */
    static ReportContent decode(JsonFields payload) {
        String type = payload.text("type", MAX_TYPE_LENGTH);
        JsonFields content = payload.object("content");
        return Soap.TYPE.equals(type) ? Soap.decode(content) : new Verbatim(type, content.json());
    }

    /** Subjective, objective, assessment and plan: the four sections of a SOAP note, each possibly empty. */
    record Soap(String subjective, String objective, String assessment, String plan) implements ReportContent {

        static final String TYPE = "soap";

        static Soap decode(JsonFields content) {
            return new Soap(
                    content.string("subjective", MAX_SECTION_LENGTH),
                    content.string("objective", MAX_SECTION_LENGTH),
                    content.string("assessment", MAX_SECTION_LENGTH),
                    content.string("plan", MAX_SECTION_LENGTH));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** A report type this receiver has no structure for yet: its content is kept as JSON, unchanged. */
    record Verbatim(String type, String json) implements ReportContent {}
}
