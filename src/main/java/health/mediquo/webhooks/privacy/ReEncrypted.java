package health.mediquo.webhooks.privacy;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What a re-encryption did: rows resealed per table and bodies digested again, and the keys of each kind no row needs
 * any more.
 */
@JsonbPropertyOrder({
    "currentKey",
    "resealedRows",
    "retiredKeys",
    "currentDigestKey",
    "redigestedRows",
    "retiredDigestKeys"
})
public record ReEncrypted(
        @JsonbProperty("current_key") String currentKey,
        @JsonbProperty("resealed_rows") Map<String, Long> resealedRows,
        @JsonbProperty("retired_keys") List<String> retiredKeys,
        @JsonbProperty("current_digest_key") String currentDigestKey,
        @JsonbProperty("redigested_rows") long redigestedRows,
        @JsonbProperty("retired_digest_keys") List<String> retiredDigestKeys) {}
