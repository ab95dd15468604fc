package health.mediquo.webhooks.testing;

import health.mediquo.webhooks.testing.Receiver.Answer;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Senders posting unique signed deliveries concurrently, as MediQuo does under load, each remembering what it sent and
 * what it was answered, until they are stopped. A request that got no answer (refused, reset, timed out) counts as
 * not acknowledged, which is what a sender concludes too; after any answer but an acknowledgement a sender backs off
 * briefly.
 */
public final class DeliveryLoad {

    private static final Duration BACK_OFF = Duration.ofMillis(50);

    private final String patientCodePrefix = "test-patient-load-" + UUID.randomUUID() + "-";
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> senders = new ArrayList<>();

    private DeliveryLoad() {}

    /** Starts {@code senders} senders, spread evenly over the receivers (WAR roots, see {@link Receiver#application}). */
    public static DeliveryLoad start(int senders, List<URI> receivers) {
        DeliveryLoad load = new DeliveryLoad();
        for (int i = 0; i < senders; i++) {
            URI receiver = receivers.get(i % receivers.size());
            Thread sender = new Thread(() -> load.sendUntilStopped(receiver), "sender-" + i);
            sender.start();
            load.senders.add(sender);
        }
        return load;
    }

    /** The patient codes of this load's reports all start with it. */
    public String patientCodePrefix() {
        return patientCodePrefix;
    }

    /** Stops the senders, waits for their last answers and returns every delivery sent, in no particular order. */
    public List<Sent> stop() {
        running.set(false);
        for (Thread sender : senders) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(sent);
    }

    private void sendUntilStopped(URI receiver) {
        while (running.get()) {
            String body =
                    Deliveries.soapReport(patientCodePrefix + UUID.randomUUID()).toString();
            Sent delivery;
            try {
                delivery = new Sent(receiver, body, Receiver.deliverTo(receiver, body));
            } catch (RuntimeException noAnswer) {
                delivery = new Sent(receiver, body, null);
            }
            sent.add(delivery);
            if (!delivery.acknowledged()) {
                // As a sender does, rather than hammer a server that is starting or stopping.
                Eventually.pause(BACK_OFF);
            }
        }
    }

    /** One delivery, the receiver it went to, and its answer, or null when none came. */
    public record Sent(URI receiver, String body, Answer answer) {

        public String patientCode() {
            return Json.createReader(new StringReader(body))
                    .readObject()
                    .getJsonObject("payload")
                    .getJsonObject("patient")
                    .getString("code");
        }

        public boolean acknowledged() {
            return answer != null && answer.status() >= 200 && answer.status() < 300;
        }
    }
}
