/**
 * The application's meters, written once and recorded on whichever metrics API the server offers: MicroProfile
 * Metrics on Payara, Micrometer on WildFly (which dropped MicroProfile Metrics).
 */
package health.mediquo.webhooks.metrics;
