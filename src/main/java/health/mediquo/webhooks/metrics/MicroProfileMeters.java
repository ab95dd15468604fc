package health.mediquo.webhooks.metrics;

import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** Payara's MicroProfile Metrics: the application registry, served on {@code /metrics?scope=application}. */
final class MicroProfileMeters implements Meters {

    static final String API = "org.eclipse.microprofile.metrics.MetricRegistry";

    private final MetricRegistry registry;
    private final List<String> gauges = new CopyOnWriteArrayList<>();

    private MicroProfileMeters(MetricRegistry registry) {
        this.registry = registry;
    }

    static Meters of(Instance<Object> beans) {
        return new MicroProfileMeters(beans.select(MetricRegistry.class).get());
    }

    @Override
    public void count(String name, long amount, String... labels) {
        registry.counter(name, tags(labels)).inc(amount);
    }

    @Override
    public void time(String name, String description, Duration elapsed) {
        registry.timer(Metadata.builder()
                        .withName(name)
                        .withDescription(description)
                        .withUnit(MetricUnits.NANOSECONDS)
                        .build())
                .update(elapsed);
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(
                Metadata.builder()
                        .withName(name)
                        .withDescription(description)
                        .withUnit(MetricUnits.NONE)
                        .build(),
                value,
                Supplier::get);
        gauges.add(name);
    }

    @Override
    public void removeGauges() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    private static Tag[] tags(String... labels) {
        Tag[] tags = new Tag[labels.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(labels[2 * i], labels[2 * i + 1]);
        }
        return tags;
    }
}
