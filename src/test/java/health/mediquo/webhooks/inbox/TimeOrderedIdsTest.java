package health.mediquo.webhooks.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7WithTheCreationMillisecondFirst() {
        long millis = 1_795_843_578_880L;

        UUID id = TimeOrderedIds.at(millis);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTextAsIndexesCompareThem() {
        String earlier = TimeOrderedIds.at(1_795_843_578_880L).toString();
        String later = TimeOrderedIds.at(1_795_843_578_881L).toString();

        assertTrue(earlier.compareTo(later) < 0, earlier + " sorts before " + later);
    }

    @Test
    void idsCreatedInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(1_795_843_578_880L));
        }

        assertEquals(100_000, ids.size());
    }
}
