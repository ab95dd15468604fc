package health.mediquo.webhooks.erasure;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What an erasure removed, and in how many batches (each committed on its own). */
@JsonbPropertyOrder({"deliveries", "reports", "notifications", "batches"})
public record PatientErased(long deliveries, long reports, long notifications, long batches) {}
