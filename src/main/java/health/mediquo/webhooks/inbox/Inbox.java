package health.mediquo.webhooks.inbox;

import health.mediquo.webhooks.api.Cursor;
import health.mediquo.webhooks.api.NewestFirst;
import health.mediquo.webhooks.api.Page;
import health.mediquo.webhooks.api.TimeRange;
import health.mediquo.webhooks.privacy.BodyDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The deliveries received so far. */
@ApplicationScoped
public class Inbox {

    private static final NewestFirst<Delivery> NEWEST_FIRST = new NewestFirst<>(
            Delivery.class, "receivedAt", delivery -> new Cursor(delivery.receivedAt(), delivery.id()));

    @PersistenceContext
    EntityManager entityManager;

    public Optional<DeliveryId> findByBody(BodyDigest body) {
        return Optional.ofNullable(findByBodies(List.of(body)).get(body));
    }

    /** The deliveries already received with any of these bodies, whichever digest key was current then. */
    public Map<BodyDigest, DeliveryId> findByBodies(Collection<BodyDigest> bodies) {
        Map<String, DeliveryId> byDigest = entityManager
                .createQuery("SELECT d.bodyDigest, d.id FROM Delivery d WHERE d.bodyDigest IN :digests", Object[].class)
                .setParameter(
                        "digests",
                        bodies.stream()
                                .flatMap(body -> body.recognised().stream())
                                .toList())
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> DeliveryId.of((String) row[1])));
        Map<BodyDigest, DeliveryId> found = new HashMap<>();
        for (BodyDigest body : bodies) {
            body.recognised().stream()
                    .map(byDigest::get)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(id -> found.put(body, id));
        }
        return found;
    }

    public void record(Delivery delivery) {
        entityManager.persist(delivery);
    }

    /**
     * @param status only deliveries with this status, or null for all
     * @param eventType only deliveries of this event type, or null for all
     */
    public Page<DeliverySummary> received(
            TimeRange received, DeliveryStatus status, String eventType, Cursor after, int limit) {
        return NEWEST_FIRST.page(
                entityManager,
                (builder, delivery) -> {
                    List<Predicate> conditions = new ArrayList<>(received.within(builder, delivery.get("receivedAt")));
                    if (status != null) {
                        conditions.add(builder.equal(delivery.get("status"), status));
                    }
                    if (eventType != null) {
                        conditions.add(builder.equal(delivery.get("eventType"), eventType));
                    }
                    return conditions;
                },
                after,
                limit,
                DeliverySummary::of);
    }

    public Optional<DeliveryDetails> find(DeliveryId id) {
        return Optional.ofNullable(entityManager.find(Delivery.class, id.toString()))
                .map(DeliveryDetails::of);
    }

    /** The delivery, locked until the caller's transaction ends: two reprocesses of one delivery run one after the other. */
    public Optional<Delivery> lockedForUpdate(DeliveryId id) {
        return Optional.ofNullable(entityManager.find(Delivery.class, id.toString(), LockModeType.PESSIMISTIC_WRITE));
    }
}
