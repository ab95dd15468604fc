package health.mediquo.webhooks.authenticity;

import health.mediquo.webhooks.receiving.SenderRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The checks the configuration enabled, all of which a delivery must pass. They are resolved, and their settings
 * read, at startup: a misconfigured check fails the deployment instead of the first delivery.
 */
@ApplicationScoped
public class SenderChecks {

    private static final Logger LOG = Logger.getLogger(SenderChecks.class.getName());

    @Inject
    Instance<SenderCheck> available;

    private List<SenderCheck> enabled;

    void resolveAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        use(available.stream().toList());
    }

    void use(List<SenderCheck> candidates) {
        enabled = candidates.stream()
                .filter(SenderCheck::enabled)
                // Checks of headers first: the body is read only for a request that passed them.
                .sorted(Comparator.comparing(SenderCheck::readsBody))
                .toList();
        if (enabled.isEmpty()) {
            LOG.severe("No sender check is enabled (mediquo.webhook.signature is none and nothing else is configured):"
                    + " every delivery will be rejected with 401.");
        } else {
            LOG.info(() -> "Deliveries must pass: "
                    + enabled.stream().map(SenderCheck::name).collect(Collectors.joining(", ")));
        }
    }

    /** @throws SenderRejected at the first enabled check the request fails, or when none is enabled */
    public void verify(DeliveryRequest request) {
        if (enabled.isEmpty()) {
            throw new SenderRejected("no-sender-check", "The receiver has no way to authenticate MediQuo configured.");
        }
        enabled.forEach(check -> check.verify(request));
    }
}
