package health.mediquo.webhooks.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * What a verification of the audit trail found.
 *
 * @param entriesChecked the entries found intact, from the first
 * @param firstBroken the position of the first entry altered or missing; absent when the trail is intact
 * @param problem what is wrong there; absent when the trail is intact
 */
@JsonbPropertyOrder({"intact", "entriesChecked", "firstBroken", "problem"})
public record ChainVerified(
        boolean intact,
        @JsonbProperty("entries_checked") long entriesChecked,
        @JsonbProperty("first_broken") Long firstBroken,
        String problem) {

    static ChainVerified intact(long entries) {
        return new ChainVerified(true, entries, null, null);
    }

    static ChainVerified brokenAt(long entriesChecked, long position, String problem) {
        return new ChainVerified(false, entriesChecked, position, problem);
    }
}
