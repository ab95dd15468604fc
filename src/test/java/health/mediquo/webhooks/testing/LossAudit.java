package health.mediquo.webhooks.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.DeliveryLoad.Sent;
import health.mediquo.webhooks.testing.Receiver.Answer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks what a load's senders were told against what the receiver really kept, as MediQuo and the estate would
 * find out: every acknowledged delivery is still known (a resend is answered 200 {@code duplicate} with the first
 * delivery id), its report is stored once, and its notification reached the queue (a repeat is allowed, a gap is not).
 */
public final class LossAudit {

    private static final int RESEND_ATTEMPTS = 3;

    private LossAudit() {}

    /**
     * @param resendTo the WAR root of a running receiver; a lost delivery is stored by its resend
     * @param notificationsWithin how long the relay may take to publish what waits in the outbox
     */
    public static Figures of(DeliveryLoad load, List<Sent> sent, URI resendTo, Duration notificationsWithin) {
        List<Sent> acknowledged = sent.stream().filter(Sent::acknowledged).toList();
        Set<String> storedCodes = storedPatientCodes(load.patientCodePrefix());
        long reportsStoredTwice = ReceiverDatabase.count(
                "SELECT COUNT(*) - COUNT(DISTINCT patient_code) FROM patient_report WHERE patient_code LIKE ?",
                load.patientCodePrefix() + "%");
        long reportsMissing = acknowledged.stream()
                .filter(delivery -> !storedCodes.contains(delivery.patientCode()))
                .count();
        List<String> idsKnown = acknowledged.parallelStream()
                .map(delivery -> idKnownAfterResend(delivery, resendTo))
                .toList();
        long lost = idsKnown.stream().filter(Objects::isNull).count();
        Set<String> ids = idsKnown.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, Integer> notices = ReportQueue.countsAbout(ids, notificationsWithin);
        return new Figures(
                sent.size(),
                sent.stream()
                        .collect(Collectors.groupingBy(
                                delivery -> kindOf(delivery.answer()), TreeMap::new, Collectors.counting())),
                acknowledged.size(),
                acknowledged.size() - lost,
                lost,
                reportsMissing,
                reportsStoredTwice,
                ids.stream().filter(id -> !notices.containsKey(id)).count(),
                notices.values().stream().mapToLong(count -> count - 1).sum());
    }

    /** Something was acknowledged, and every acknowledged delivery was kept, stored once and announced. */
    public static void assertNothingLost(Figures figures) {
        assertTrue(figures.acknowledged() > 0, () -> "nothing was acknowledged: " + figures);
        assertEquals(0, figures.lost(), figures::toString);
        assertEquals(0, figures.reportsMissing(), figures::toString);
        assertEquals(0, figures.reportsStoredTwice(), figures::toString);
        assertEquals(0, figures.notificationsMissing(), figures::toString);
    }

    /**
     * The delivery id a resend is answered with, if it is a duplicate of the acknowledged delivery; null when the
     * delivery was lost. A 2xx whose body the server's teardown cut off still acknowledged a committed delivery: the
     * sender needs no id from it.
     */
    private static String idKnownAfterResend(Sent delivery, URI resendTo) {
        Answer resent = resend(delivery, resendTo);
        if (resent.status() != 200) {
            return null;
        }
        Answer acknowledgement = delivery.answer();
        boolean sameDelivery =
                acknowledgement.body().isBlank() || acknowledgement.deliveryId().equals(resent.deliveryId());
        return sameDelivery ? resent.deliveryId() : null;
    }

    /**
     * Resends as MediQuo does, again after a timeout: a server that has just restarted may leave a first request of
     * the audit's burst unanswered for the client's 30 s (seen once on Payara Server), which says nothing of a loss.
     */
    private static Answer resend(Sent delivery, URI resendTo) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Receiver.deliverTo(resendTo, delivery.body());
            } catch (UncheckedIOException timedOut) {
                if (attempt == RESEND_ATTEMPTS) {
                    throw timedOut;
                }
            }
        }
    }

    /**
     * The status of an acknowledgement; of a refusal, the status and the problem's name when the receiver answered
     * with one ({@code 503 stopping}), else the media type of the server's own page ({@code 404 text/html}).
     */
    private static String kindOf(Answer answer) {
        if (answer == null) {
            return "none";
        }
        if (answer.status() / 100 == 2) {
            return String.valueOf(answer.status());
        }
        if (answer.body().isBlank()) {
            return answer.status() + " without a body";
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return (answer.status() + " " + answer.contentType().split(";")[0]).strip();
        }
        String type = answer.json().getString("type", "");
        return answer.status() + " " + type.substring(type.lastIndexOf(':') + 1);
    }

    private static Set<String> storedPatientCodes(String prefix) {
        return new HashSet<>(ReceiverDatabase.strings(
                "SELECT patient_code FROM patient_report WHERE patient_code LIKE ?", prefix + "%"));
    }

    /** The audit's figures; {@code lost}, the reports' and the notifications' gaps must all be 0. */
    public record Figures(
            long sent,
            Map<String, Long> answers,
            long acknowledged,
            long found,
            long lost,
            long reportsMissing,
            long reportsStoredTwice,
            long notificationsMissing,
            long notificationsRepeated) {

        @Override
        public String toString() {
            return ("sent %d, answers %s, acknowledged %d, found %d, lost %d, reports missing %d,"
                            + " reports stored twice %d, notifications missing %d, notifications repeated %d")
                    .formatted(
                            sent,
                            answers,
                            acknowledged,
                            found,
                            lost,
                            reportsMissing,
                            reportsStoredTwice,
                            notificationsMissing,
                            notificationsRepeated);
        }
    }
}
