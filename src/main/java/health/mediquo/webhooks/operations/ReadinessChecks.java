package health.mediquo.webhooks.operations;

import health.mediquo.webhooks.inbox.RejectedDeliveriesWaiting;
import health.mediquo.webhooks.notifications.UnpublishedNotifications;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.jms.ConnectionFactory;
import java.sql.Connection;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * What {@code /health/ready} checks: the receiver can store deliveries and tell the estate about them. The checks run
 * on the server's own threads, so they use only the resources this bean holds (see {@link JdbcCount}).
 */
@ApplicationScoped
public class ReadinessChecks {

    private static final Logger LOG = Logger.getLogger(ReadinessChecks.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/mediquo")
    DataSource dataSource;

    @Resource(lookup = "jms/mediquo/ConnectionFactory")
    ConnectionFactory brokerConnections;

    @Inject
    @ConfigProperty(name = "mediquo.health.outbox-backlog-max", defaultValue = "1000")
    long backlogMax;

    private volatile boolean started;

    /**
     * Payara Micro registers the checks, and runs them when asked, while the application is still starting: before
     * the schema is migrated, and before anything the checks use is ready. Until the start is over, every check answers
     * DOWN, starting.
     */
    void started(
            @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) @Initialized(ApplicationScoped.class)
                    Object application) {
        started = true;
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return check("database", () -> {
            try (Connection connection = dataSource.getConnection()) {
                return HealthCheckResponse.builder().status(connection.isValid(VALIDATION_TIMEOUT_SECONDS));
            }
        });
    }

    /** Up when a connection to the broker can be opened now. */
    @Produces
    @Readiness
    HealthCheck broker() {
        return check("jms-broker", () -> {
            try (jakarta.jms.Connection connection = brokerConnections.createConnection()) {
                return HealthCheckResponse.builder().up();
            }
        });
    }

    /** Down when the broker has been unreachable for long enough that notifications pile up. */
    @Produces
    @Readiness
    HealthCheck outboxBacklog() {
        return check("outbox-backlog", () -> {
            long backlog = UnpublishedNotifications.count(dataSource);
            return HealthCheckResponse.builder()
                    .status(backlog <= backlogMax)
                    .withData("unpublished", backlog)
                    .withData("max", backlogMax);
        });
    }

    /**
     * How many rejected deliveries wait for an operator. Up whatever the count: they wait for a fixed receiver and a
     * reprocess, which taking this instance out of service would not bring any closer.
     */
    @Produces
    @Readiness
    HealthCheck rejectedDeliveries() {
        return check(
                "rejected-deliveries",
                () -> HealthCheckResponse.builder()
                        .up()
                        .withData("waiting", RejectedDeliveriesWaiting.count(dataSource)));
    }

    /**
     * The check named {@code name}: DOWN while the application starts; DOWN naming the exception when it cannot run
     * (the log keeps the exception's cause, which the answer must not reveal).
     */
    private HealthCheck check(String name, Callable<HealthCheckResponseBuilder> answer) {
        return () -> {
            if (!started) {
                return HealthCheckResponse.named(name)
                        .down()
                        .withData("state", "starting")
                        .build();
            }
            try {
                return answer.call().name(name).build();
            } catch (Exception e) {
                LOG.log(Level.WARNING, e, () -> "Readiness check " + name + " could not run");
                return HealthCheckResponse.named(name)
                        .down()
                        .withData("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
