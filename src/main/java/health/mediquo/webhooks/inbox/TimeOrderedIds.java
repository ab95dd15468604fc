package health.mediquo.webhooks.inbox;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Row ids that sort by creation time: UUID version 7 (RFC 9562), 48 bits of UNIX milliseconds then 74 random bits.
 * A new row's id lands beside the previous ones in every index on it, so a commit rewrites a few index pages instead
 * of one random page per index and row (what made each commit of random ids expensive on H2's store). The random
 * bits come from a per-thread generator: the ids are names, not secrets, and no lock is shared between requests.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long IETF_VARIANT = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {}

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (unixMillis << 16) | VERSION_7 | (random.nextLong() & 0x0FFFL);
        long leastSignificant = IETF_VARIANT | (random.nextLong() >>> 2);
        return new UUID(mostSignificant, leastSignificant);
    }
}
