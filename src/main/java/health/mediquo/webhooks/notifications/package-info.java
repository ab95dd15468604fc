/**
 * Telling the estate about archived reports over JMS. A notification is written to the outbox in the delivery's own
 * transaction and published after commit, and again until the broker takes it: at least once, never before commit.
 */
package health.mediquo.webhooks.notifications;
