/**
 * Clinical text never rests in the database in clear: AES-256-GCM under configured data keys, each ciphertext bound
 * to its key id and its place (table, column, row). Bodies are found again by a keyed digest, never a plain hash.
 * Both kinds of keys rotate: the startup check refuses to run with a wrong or missing key, and the admin action moves
 * old rows to the current keys.
 */
package health.mediquo.webhooks.privacy;
