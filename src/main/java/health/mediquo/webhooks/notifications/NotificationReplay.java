package health.mediquo.webhooks.notifications;

import health.mediquo.webhooks.inbox.DeliveryId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Publishes a delivery's notification again, as a new outbox entry, for consumers that lost the first one. */
@ApplicationScoped
public class NotificationReplay {

    @Inject
    Outbox outbox;

    /** @return false when the delivery never had a notification (an ignored event type, say) */
    @Transactional
    public boolean replay(DeliveryId delivery) {
        return outbox.lastMessageAbout(delivery)
                .map(message -> {
                    outbox.add(Notification.about(delivery, message));
                    return true;
                })
                .orElse(false);
    }
}
