package health.mediquo.webhooks.inbox;

import health.mediquo.webhooks.privacy.FieldCipher;
import health.mediquo.webhooks.privacy.SealedPlace;
import health.mediquo.webhooks.privacy.SealedRow;
import health.mediquo.webhooks.privacy.Sealing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One delivery as MediQuo sent it. Its body never changes; a rejected delivery becomes processed or ignored once a
 * reprocess reads it, and only then learns its type and time if it could not tell them before.
 */
@Entity
@Table(name = "delivery")
@EntityListeners(Sealing.class)
public class Delivery implements SealedRow {

    @Id
    private String id;

    @Column(name = "body_digest", nullable = false, updatable = false)
    private String bodyDigest;

    @Column(name = "body", nullable = false, updatable = false)
    private String sealedBody;

    /** The body in clear: as received, or opened from {@link #sealedBody} when first asked for. */
    @Transient
    private String body;

    @Transient
    private FieldCipher cipher;

    /** Null only on a rejected delivery whose envelope has no valid type. */
    @Column(name = "event_type")
    private String eventType;

    /** Null only on a rejected delivery whose envelope has no valid time. */
    @Column(name = "occurred_on")
    private OffsetDateTime occurredOn;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private DeliveryStatus status;

    @Column(name = "problem_type")
    private String problemType;

    @Column(name = "problem_field")
    private String problemField;

    @Column(name = "problem_detail")
    private String problemDetail;

    protected Delivery() {}

    /**
     * @param bodyDigest the body's keyed digest under the current digest key (see {@code KeyedDigests})
     * @param eventType null when a rejected delivery has no valid type
     * @param occurredOn null when a rejected delivery has no valid time
     */
    public Delivery(
            DeliveryId id,
            String bodyDigest,
            String body,
            String eventType,
            Instant occurredOn,
            Instant receivedAt,
            DeliveryStatus status) {
        this.id = id.toString();
        this.bodyDigest = bodyDigest;
        this.body = body;
        this.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
        readAs(eventType, occurredOn, status);
    }

    /** A delivery kept as {@code REJECTED}, with the problem it was answered. */
    public static Delivery rejected(
            DeliveryId id,
            String bodyDigest,
            String body,
            String eventType,
            Instant occurredOn,
            Instant receivedAt,
            DeliveryProblem problem) {
        Delivery delivery =
                new Delivery(id, bodyDigest, body, eventType, occurredOn, receivedAt, DeliveryStatus.REJECTED);
        delivery.recordProblem(problem);
        return delivery;
    }

    /** Today's reading of a rejected delivery: its event was fired ({@code PROCESSED}) or its type is unknown. */
    public void processedAs(DeliveryStatus outcome, String eventType, Instant occurredOn) {
        readAs(eventType, occurredOn, outcome);
        recordProblem(null);
    }

    /** Today's reading of a rejected delivery found it invalid still, perhaps for another reason. */
    public void rejectedFor(DeliveryProblem problem, String eventType, Instant occurredOn) {
        readAs(eventType, occurredOn, DeliveryStatus.REJECTED);
        recordProblem(problem);
    }

    private void readAs(String eventType, Instant occurredOn, DeliveryStatus status) {
        this.eventType = eventType;
        this.occurredOn = occurredOn == null ? null : occurredOn.atOffset(ZoneOffset.UTC);
        this.status = status;
    }

    private void recordProblem(DeliveryProblem problem) {
        problemType = problem == null ? null : problem.type();
        problemField = problem == null ? null : problem.field();
        problemDetail = problem == null ? null : problem.detail();
    }

    public String id() {
        return id;
    }

    String bodyDigest() {
        return bodyDigest;
    }

    public String body() {
        if (body == null) {
            body = cipher.open(sealedBody, bodyPlace());
        }
        return body;
    }

    @Override
    public void sealWith(FieldCipher cipher) {
        sealedBody = cipher.seal(body, bodyPlace());
    }

    private SealedPlace bodyPlace() {
        return new SealedPlace("delivery", "body", id);
    }

    @Override
    public void openWith(FieldCipher cipher) {
        this.cipher = cipher;
    }

    String eventType() {
        return eventType;
    }

    Instant occurredOn() {
        return occurredOn == null ? null : occurredOn.toInstant();
    }

    public Instant receivedAt() {
        return receivedAt.toInstant();
    }

    public DeliveryStatus status() {
        return status;
    }

    /** The problem of a rejected delivery; null otherwise. */
    DeliveryProblem problem() {
        return problemType == null ? null : new DeliveryProblem(problemType, problemField, problemDetail);
    }
}
