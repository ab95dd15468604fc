package health.mediquo.webhooks.notifications;

/** The broker did not take a batch of notifications; they stay in the outbox for the relay to try again. */
public class NotificationNotSent extends RuntimeException {

    private final int notifications;

    NotificationNotSent(int notifications, Throwable cause) {
        super("The JMS provider refused the notifications: " + cause.getMessage(), cause);
        this.notifications = notifications;
    }

    int notifications() {
        return notifications;
    }
}
