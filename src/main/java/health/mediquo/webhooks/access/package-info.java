/**
 * Who may use the read and operations API: HTTP Basic (Jakarta Security) against users and password hashes from
 * configuration, with the roles {@code reports-reader} and {@code webhook-admin}; and the audit trail of who read
 * which report.
 */
package health.mediquo.webhooks.access;
