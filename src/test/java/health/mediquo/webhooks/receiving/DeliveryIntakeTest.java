package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.mediquo.webhooks.inbox.Delivery;
import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.inbox.Inbox;
import health.mediquo.webhooks.privacy.BodyDigest;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class DeliveryIntakeTest {

    private final RecordingInbox inbox = new RecordingInbox();
    private final FiredEvents events = new FiredEvents();
    private final DeliveryIntake intake = new DeliveryIntake();

    DeliveryIntakeTest() {
        intake.inbox = inbox;
        intake.reprocessing = new NothingToReprocess();
        intake.events = events;
    }

    @Test
    void aBodySentTwiceWithinOneBatchIsTakenInOnceAndItsSecondCopyIsTheFirstsDuplicate() {
        RawDelivery first = delivery("digest-of-one-body");
        RawDelivery second = delivery("digest-of-one-body");
        RawDelivery other = delivery("digest-of-another-body");

        List<Receipt> receipts = intake.takeInAll(List.of(arrival(first), arrival(second), arrival(other)));

        assertEquals(
                List.of(
                        new Receipt(first.id(), Receipt.Outcome.ACCEPTED),
                        new Receipt(first.id(), Receipt.Outcome.DUPLICATE),
                        new Receipt(other.id(), Receipt.Outcome.ACCEPTED)),
                receipts);
        assertEquals(2, inbox.recorded.size(), "the body sent twice is recorded once");
        assertEquals(List.of("event of " + first.id(), "event of " + other.id()), events.fired);
        assertEquals(1, inbox.lookUps, "one look-up for the whole batch");
    }

    @Test
    void aBodyReceivedBeforeTheBatchIsNotRecordedAgain() {
        RawDelivery earlier = delivery("digest-received-before");
        inbox.receivedBefore.put(earlier.digest(), earlier.id());
        RawDelivery again = delivery("digest-received-before");

        List<Receipt> receipts = intake.takeInAll(List.of(arrival(again)));

        assertEquals(List.of(new Receipt(earlier.id(), Receipt.Outcome.DUPLICATE)), receipts);
        assertEquals(List.of(), inbox.recorded);
        assertEquals(List.of(), events.fired);
    }

    private static RawDelivery delivery(String digest) {
        return new RawDelivery(DeliveryId.next(), Instant.now(), "{}", new BodyDigest(digest, List.of(digest)));
    }

    private static DeliveryIntake.Arrival arrival(RawDelivery raw) {
        return new DeliveryIntake.Arrival(
                raw,
                new Decoded(new Envelope("made_up_event", Instant.EPOCH, null), Optional.of("event of " + raw.id())));
    }

    /** The inbox in memory: the bodies received before the batch, what the batch recorded, how often it was asked. */
    private static final class RecordingInbox extends Inbox {

        final Map<BodyDigest, DeliveryId> receivedBefore = new HashMap<>();
        final List<Delivery> recorded = new ArrayList<>();
        int lookUps;

        @Override
        public Map<BodyDigest, DeliveryId> findByBodies(Collection<BodyDigest> bodies) {
            lookUps++;
            Map<BodyDigest, DeliveryId> found = new HashMap<>(receivedBefore);
            found.keySet().retainAll(bodies);
            return found;
        }

        @Override
        public void record(Delivery delivery) {
            recorded.add(delivery);
        }
    }

    private static final class FiredEvents implements Event<Object> {

        final List<Object> fired = new ArrayList<>();

        @Override
        public void fire(Object event) {
            fired.add(event);
        }

        @Override
        public <U> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<Object> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    /** Every delivery received before was taken in: a body sent again is a plain duplicate. */
    private static final class NothingToReprocess extends Reprocessing {

        @Override
        public Optional<Reprocessed> reprocess(DeliveryId id) {
            return Optional.empty();
        }
    }
}
