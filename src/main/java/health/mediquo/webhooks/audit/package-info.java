/**
 * The audit trail a privacy officer can query and verify: every read of a report, every operator's action and every
 * change of an API user's access, appended to a table in which each entry is chained to the one before it by an
 * HMAC, so that an entry deleted or edited in the database is detected.
 */
package health.mediquo.webhooks.audit;
