package health.mediquo.webhooks.privacy;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** What a re-encryption did: rows resealed per table, and the keys no row needs any more. */
@JsonbPropertyOrder({"currentKey", "resealedRows", "retiredKeys"})
public record ReEncrypted(
        @JsonbProperty("current_key") String currentKey,
        @JsonbProperty("resealed_rows") Map<String, Long> resealedRows,
        @JsonbProperty("retired_keys") List<String> retiredKeys) {}
