/**
 * Erasure of one patient's data on request (GDPR art. 17): every delivery, report and notification of the patient,
 * removed in batches that each commit, and recorded in the audit trail with the patient only as a keyed digest.
 */
package health.mediquo.webhooks.erasure;
