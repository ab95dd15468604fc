/**
 * Proof that a delivery comes from MediQuo: the shared secret of {@code x-webhook-signature} (or, in HMAC mode, a
 * signature of the body made with it), and, each when configured, Standard Webhooks signatures, HTTP Basic
 * credentials and an OAuth 2 bearer JWT. Every enabled check must pass; a failure is a 401 and nothing is stored.
 */
package health.mediquo.webhooks.authenticity;
