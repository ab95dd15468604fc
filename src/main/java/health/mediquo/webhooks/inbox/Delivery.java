package health.mediquo.webhooks.inbox;

import health.mediquo.webhooks.privacy.SealedText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One delivery as MediQuo sent it. Immutable once stored. */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private String id;

    @Column(name = "body_sha256", nullable = false, updatable = false)
    private String bodySha256;

    @Convert(converter = SealedText.class)
    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private OffsetDateTime occurredOn;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private DeliveryStatus status;

    protected Delivery() {}

    public Delivery(
            DeliveryId id,
            String bodySha256,
            String body,
            String eventType,
            Instant occurredOn,
            Instant receivedAt,
            DeliveryStatus status) {
        this.id = id.toString();
        this.bodySha256 = bodySha256;
        this.body = body;
        this.eventType = eventType;
        this.occurredOn = occurredOn.atOffset(ZoneOffset.UTC);
        this.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
        this.status = status;
    }

    String id() {
        return id;
    }

    String bodySha256() {
        return bodySha256;
    }

    String body() {
        return body;
    }

    String eventType() {
        return eventType;
    }

    Instant occurredOn() {
        return occurredOn.toInstant();
    }

    Instant receivedAt() {
        return receivedAt.toInstant();
    }

    DeliveryStatus status() {
        return status;
    }
}
