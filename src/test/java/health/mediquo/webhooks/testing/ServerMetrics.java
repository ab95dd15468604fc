package health.mediquo.webhooks.testing;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The receiver's application metrics, as Prometheus scrapes them from the server's {@code /metrics}. */
public final class ServerMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^(mediquo_[^ ]+) ([0-9.Ee+-]+)$", Pattern.MULTILINE);

    private ServerMetrics() {}

    /** Every sample, by name with labels, such as {@code mediquo_deliveries_rejected_total{mp_scope=...}}. */
    public static Map<String, Double> application() {
        return application(Receiver.APPLICATION);
    }

    /** Every sample of the server the WAR root (see {@link Receiver#application}) belongs to. */
    public static Map<String, Double> application(URI application) {
        Receiver.Answer metrics =
                Receiver.getFromServer(application.resolve("/"), "metrics?scope=application", "text/plain");
        Matcher sample = SAMPLE.matcher(metrics.body());
        Map<String, Double> values = new HashMap<>();
        while (sample.find()) {
            values.put(sample.group(1), Double.parseDouble(sample.group(2)));
        }
        return values;
    }

    /** The number of deliveries rejected for the reason so far. */
    public static double rejected(String reason) {
        return application()
                .getOrDefault(
                        "mediquo_deliveries_rejected_total{mp_scope=\"application\",reason=\"" + reason + "\"}", 0.0);
    }
}
