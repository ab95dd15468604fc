package health.mediquo.webhooks.operations;

import health.mediquo.webhooks.inbox.RejectedDeliveriesWaiting;
import health.mediquo.webhooks.notifications.Outbox;
import health.mediquo.webhooks.notifications.PatientReportsQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** What {@code /health/ready} checks: the receiver can store deliveries and tell the estate about them. */
@ApplicationScoped
public class ReadinessChecks {

    private static final Logger LOG = Logger.getLogger(ReadinessChecks.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/mediquo")
    DataSource dataSource;

    @Inject
    PatientReportsQueue queue;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "mediquo.health.outbox-backlog-max", defaultValue = "1000")
    long backlogMax;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                return HealthCheckResponse.named("database")
                        .status(connection.isValid(VALIDATION_TIMEOUT_SECONDS))
                        .build();
            } catch (SQLException e) {
                return failed("database", e);
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck broker() {
        return () -> HealthCheckResponse.named("jms-broker")
                .status(queue.isReachable())
                .build();
    }

    /** Down when the broker has been unreachable for long enough that notifications pile up. */
    @Produces
    @Readiness
    HealthCheck outboxBacklog() {
        return () -> {
            try {
                long backlog = outbox.backlog();
                return HealthCheckResponse.named("outbox-backlog")
                        .status(backlog <= backlogMax)
                        .withData("unpublished", backlog)
                        .withData("max", backlogMax)
                        .build();
            } catch (RuntimeException e) {
                return failed("outbox-backlog", e);
            }
        };
    }

    /**
     * How many rejected deliveries wait for an operator. Up whatever the count: they wait for a fixed receiver and a
     * reprocess, which taking this instance out of service would not bring any closer.
     */
    @Produces
    @Readiness
    HealthCheck rejectedDeliveries() {
        return () -> {
            try {
                return HealthCheckResponse.named("rejected-deliveries")
                        .up()
                        .withData("waiting", RejectedDeliveriesWaiting.count(dataSource))
                        .build();
            } catch (RuntimeException e) {
                return failed("rejected-deliveries", e);
            }
        };
    }

    /** Down, naming the exception; the log keeps its cause, which the answer must not reveal. */
    private static HealthCheckResponse failed(String check, Exception e) {
        LOG.log(Level.WARNING, e, () -> "Readiness check " + check + " could not run");
        return HealthCheckResponse.named(check)
                .down()
                .withData("error", e.getClass().getSimpleName())
                .build();
    }
}
