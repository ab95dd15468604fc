/**
 * The OpenAPI document clients are generated from: {@code META-INF/openapi.yaml}, written by hand and served as written
 * at {@code /openapi} on every server.
 */
package health.mediquo.webhooks.openapi;
