/** Keeping the receiver runnable: the database schema is brought up to date before the first request. */
package health.mediquo.webhooks.operations;
