package health.mediquo.webhooks.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Counters, timers and gauges by dotted name ({@code mediquo.deliveries}), each scraped in Prometheus text as
 * {@code mediquo_deliveries_total}. Labels come in name, value pairs.
 */
public interface Meters {

    void count(String name, long amount, String... labels);

    void time(String name, String description, Duration elapsed);

    void gauge(String name, String description, Supplier<Number> value);

    /**
     * Removes the gauges, whose functions hold this application's beans. WildFly's registry outlives a deployment: a
     * redeployed application could not register its gauges again, and the old ones would fail.
     */
    void removeGauges();
}
