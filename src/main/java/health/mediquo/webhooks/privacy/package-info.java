/**
 * Clinical text never rests in the database in clear: AES-256-GCM under configured keys, each ciphertext tagged with
 * the id of its key so that keys can be rotated, plus the startup check that refuses to run with a wrong or missing
 * key and the admin action that moves old rows to the current key.
 */
package health.mediquo.webhooks.privacy;
