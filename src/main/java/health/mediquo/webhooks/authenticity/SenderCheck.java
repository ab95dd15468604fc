package health.mediquo.webhooks.authenticity;

import health.mediquo.webhooks.receiving.SenderRejected;

/** One way of proving that a delivery comes from MediQuo. */
public interface SenderCheck {

    /** What operators call it, in the log of enabled checks. */
    String name();

    /** True when the configuration turned this check on. */
    boolean enabled();

    /** True when the check needs the body; such checks run last. */
    default boolean readsBody() {
        return false;
    }

    /** @throws SenderRejected when the request does not pass */
    void verify(DeliveryRequest request);
}
