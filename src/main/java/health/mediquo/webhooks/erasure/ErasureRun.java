package health.mediquo.webhooks.erasure;

import java.time.Instant;

/**
 * A privacy officer erased a patient's data.
 *
 * @param patientCode for the audit trail, which keeps only its keyed digest; never logged
 */
public record ErasureRun(String user, String patientCode, PatientErased result, Instant at) {}
