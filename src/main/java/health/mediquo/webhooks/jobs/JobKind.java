package health.mediquo.webhooks.jobs;

/** What a job does, and the role that may ask for it and follow it. */
public enum JobKind {
    RE_ENCRYPTION("re-encryption", "webhook-admin"),
    PATIENT_ERASURE("patient-erasure", "privacy-officer");

    private final String label;
    private final String role;

    JobKind(String label, String role) {
        this.label = label;
        this.role = role;
    }

    public String label() {
        return label;
    }

    public String role() {
        return role;
    }
}
