/**
 * Long work in the background: re-encryption and erasure run as jobs, batch after batch, each batch committed with the
 * job's progress. A job answers 202 when asked for and shows its progress at {@code /api/jobs/{id}}; a job left by a
 * stopped or dead instance is taken up where it left off.
 */
package health.mediquo.webhooks.jobs;
