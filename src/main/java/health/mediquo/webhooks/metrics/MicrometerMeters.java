package health.mediquo.webhooks.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** WildFly's Micrometer: the registry of its {@code micrometer} subsystem, scraped from its Prometheus context. */
final class MicrometerMeters implements Meters {

    static final String API = "io.micrometer.core.instrument.MeterRegistry";

    private final MeterRegistry registry;
    private final List<Gauge> gauges = new CopyOnWriteArrayList<>();

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    static Meters of(Instance<Object> beans) {
        return new MicrometerMeters(beans.select(MeterRegistry.class).get());
    }

    @Override
    public void count(String name, long amount, String... labels) {
        registry.counter(name, labels).increment(amount);
    }

    @Override
    public void time(String name, String description, Duration elapsed) {
        Timer.builder(name).description(description).register(registry).record(elapsed);
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value) {
        gauges.add(Gauge.builder(name, value).description(description).register(registry));
    }

    @Override
    public void removeGauges() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}
