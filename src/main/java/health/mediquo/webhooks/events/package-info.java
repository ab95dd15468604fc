/**
 * One record per MediQuo webhook type, each decoded from the envelope and fired as a CDI event. A new webhook type is
 * a record with its decoder, registered in {@link health.mediquo.webhooks.events.WebhookEvents}, plus its observers.
 */
package health.mediquo.webhooks.events;
