import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * Consumes the receiver's notifications while the benchmark runs, as the estate's systems would: a queue nobody reads
 * makes a broker hold its messages, the embedded one in the receiver's own heap. Runs until it is killed.
 *   java -cp "activemq-client.jar:hawtbuf.jar:slf4j-api.jar:jakarta.jms-api.jar" bench/QueueDrain.java URL [USER PASSWORD]
 */
public class QueueDrain {

    public static void main(String[] args) throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(args[0]);
        if (args.length > 2) {
            factory.setUserName(args[1]);
            factory.setPassword(args[2]);
        }
        Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue("mediquo.patient-reports"));
        connection.start();
        while (true) {
            consumer.receive();
        }
    }
}
