package health.mediquo.webhooks.privacy;

import java.time.Instant;

/** An operator ran a re-encryption, and this is what it did. */
public record ReEncryptionRun(String user, ReEncrypted result, Instant at) {}
