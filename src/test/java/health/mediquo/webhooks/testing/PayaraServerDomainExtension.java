package health.mediquo.webhooks.testing;

import org.jboss.arquillian.container.spi.event.container.AfterStop;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Runs the Payara Server domain while Arquillian's container runs: the remote adapter neither starts nor stops it, and
 * the suite must not leave a server running beside the next execution's. Registered in every execution, active in the
 * Payara Server one only.
 */
public final class PayaraServerDomainExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if (PayaraServerDomain.isUnderTest()) {
            builder.observer(Lifecycle.class);
        }
    }

    public static final class Lifecycle {

        public void startDomain(@Observes BeforeStart event) {
            PayaraServerDomain.start();
        }

        public void stopDomain(@Observes AfterStop event) {
            PayaraServerDomain.stop();
        }
    }
}
