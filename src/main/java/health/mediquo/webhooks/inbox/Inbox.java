package health.mediquo.webhooks.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The deliveries received so far. */
@ApplicationScoped
public class Inbox {

    @PersistenceContext
    EntityManager entityManager;

    public Optional<DeliveryId> findByBodyHash(String bodySha256) {
        return entityManager
                .createQuery("SELECT d.id FROM Delivery d WHERE d.bodySha256 = :hash", String.class)
                .setParameter("hash", bodySha256)
                .getResultStream()
                .findFirst()
                .map(DeliveryId::of);
    }

    public void record(Delivery delivery) {
        entityManager.persist(delivery);
    }
}
