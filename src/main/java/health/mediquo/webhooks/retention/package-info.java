/**
 * Health data is kept no longer than it must be: deliveries and their reports older than the configured age are
 * purged by a scheduled job, in batches, counted in the log and in metrics.
 */
package health.mediquo.webhooks.retention;
