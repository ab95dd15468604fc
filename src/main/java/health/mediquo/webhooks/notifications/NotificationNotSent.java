package health.mediquo.webhooks.notifications;

/** The broker did not take a notification; it stays in the outbox for the relay to try again. */
public class NotificationNotSent extends RuntimeException {

    NotificationNotSent(Throwable cause) {
        super("The JMS provider refused the notification: " + cause.getMessage(), cause);
    }
}
