/**
 * What the read API's resources share: pages of results, newest first, continued by an opaque cursor, and the
 * parsing of their query parameters.
 */
package health.mediquo.webhooks.api;
