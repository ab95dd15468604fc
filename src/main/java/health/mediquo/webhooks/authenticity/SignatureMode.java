package health.mediquo.webhooks.authenticity;

import java.util.Locale;

/** What {@code x-webhook-signature} carries ({@code mediquo.webhook.signature}). */
enum SignatureMode {
    /** The shared secret itself, as MediQuo's documentation describes. */
    STATIC,
    /** The HMAC-SHA256 of the raw body under the shared secret, hex or base64. */
    HMAC_SHA256,
    /** Nothing: another check (Standard Webhooks, Basic, bearer) proves the sender. */
    NONE;

    static final String KEY = "mediquo.webhook.signature";

    static SignatureMode named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY + " must be static, hmac-sha256 or none, not '" + name + "'");
        }
    }
}
