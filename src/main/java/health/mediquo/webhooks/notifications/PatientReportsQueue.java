package health.mediquo.webhooks.notifications;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The JMS queue the estate reads report notifications from. Uses the classic JMS API because the resource adapter's
 * managed connection factory does not offer {@code createContext()}.
 */
@ApplicationScoped
public class PatientReportsQueue {

    static final String MESSAGE_TYPE = "patient_report_archived";

    @Resource(lookup = "jms/mediquo/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/mediquo/PatientReports")
    Queue queue;

    /**
     * Sends the notifications' messages in a transaction of their own, which the JMS session joins as a local
     * resource: one broker commit for the batch; all are on the queue when it returns, or none.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void send(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            for (Notification notification : notifications) {
                TextMessage message = session.createTextMessage(notification.message());
                message.setJMSCorrelationID(notification.deliveryId());
                message.setJMSType(MESSAGE_TYPE);
                producer.send(message);
            }
        } catch (JMSException e) {
            throw new NotificationNotSent(notifications.size(), e);
        }
    }
}
