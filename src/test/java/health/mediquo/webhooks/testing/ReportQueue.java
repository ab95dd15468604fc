package health.mediquo.webhooks.testing;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A consumer of the queue the receiver publishes to, as any system of the estate would read it. */
public final class ReportQueue {

    public static final String NAME = "mediquo.patient-reports";

    private static final ConnectionFactory BROKER = broker(
            System.getProperty("it.broker.protocol", "openwire"),
            System.getProperty("it.broker.url"),
            System.getProperty("it.broker.user"),
            System.getProperty("it.broker.password"));

    private ReportQueue() {}

    /**
     * Every message about the delivery: waits up to {@code firstWithin} for the first, then collects any repeat that
     * follows within a few seconds.
     */
    public static List<Notice> noticesAbout(String deliveryId, Duration firstWithin) {
        try (Connection connection = BROKER.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer =
                    session.createConsumer(session.createQueue(NAME), "JMSCorrelationID = '" + deliveryId + "'");
            List<Notice> notices = new ArrayList<>();
            long wait = firstWithin.toMillis();
            for (Message message = consumer.receive(wait); message != null; message = consumer.receive(3_000)) {
                notices.add(new Notice(
                        message.getJMSCorrelationID(), message.getJMSType(), ((TextMessage) message).getText()));
            }
            return notices;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many messages arrived about each of the deliveries (absent: none). Consumes the queue until each of them had
     * one or {@code within} has passed, then for as long as more keep coming, so that repeats are counted too.
     */
    public static Map<String, Integer> countsAbout(Set<String> deliveryIds, Duration within) {
        Map<String, Integer> counts = new HashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection connection = BROKER.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(NAME));
            while (true) {
                boolean complete = counts.keySet().containsAll(deliveryIds);
                long wait = complete ? 3_000 : (deadline - System.nanoTime()) / 1_000_000;
                Message message = wait > 0 ? consumer.receive(wait) : null;
                if (message == null) {
                    return counts;
                }
                if (deliveryIds.contains(message.getJMSCorrelationID())) {
                    counts.merge(message.getJMSCorrelationID(), 1, Integer::sum);
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ActiveMQ's OpenWire (Payara's embedded broker, the external Artemis), or Artemis' core protocol (WildFly's). */
    private static ConnectionFactory broker(String protocol, String url, String user, String password) {
        return switch (protocol) {
            case "openwire" -> new org.apache.activemq.ActiveMQConnectionFactory(user, password, url);
            case "core" -> new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(url, user, password);
            default -> throw new IllegalArgumentException("it.broker.protocol: openwire or core, not " + protocol);
        };
    }

    /** One JMS message, as received. */
    public record Notice(String correlationId, String type, String text) {}
}
