package health.mediquo.webhooks.notifications;

import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.inbox.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An outbox entry: a JMS message to publish, and when it was. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private String id;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private String deliveryId;

    @Column(name = "message", nullable = false, updatable = false)
    private String message;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    protected Notification() {}

    static Notification about(DeliveryId delivery, String message) {
        Notification notification = new Notification();
        notification.id = TimeOrderedIds.next().toString();
        notification.deliveryId = delivery.toString();
        notification.message = message;
        notification.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return notification;
    }

    String id() {
        return id;
    }

    String deliveryId() {
        return deliveryId;
    }

    String message() {
        return message;
    }
}
