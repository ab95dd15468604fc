package health.mediquo.webhooks.operations;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Lets a request fail at once when the database cannot be reached. EclipseLink's default is to reconnect and retry a
 * query up to three times, five seconds apart, so a delivery during an outage was answered 503 only after about ten
 * seconds: longer than many senders wait. The sender retries anyway; the pool validates connections before use, so
 * the receiver recovers by itself once the database is back.
 */
public class StorageFailsFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
