package health.mediquo.webhooks.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** Writes the audit trail of operators' actions on deliveries: who did what to which delivery, with what outcome. */
@ApplicationScoped
public class DeliveryActionAudit {

    private static final Logger AUDIT = Logger.getLogger("health.mediquo.webhooks.audit");

    void record(@Observes DeliveryAction action) {
        AUDIT.info(() -> "AUDIT delivery-%s user=%s delivery=%s outcome=%s at=%s"
                .formatted(action.action(), action.user(), action.deliveryId(), action.outcome(), action.at()));
    }
}
