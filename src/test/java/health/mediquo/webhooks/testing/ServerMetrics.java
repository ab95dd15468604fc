package health.mediquo.webhooks.testing;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiver's application metrics, as Prometheus scrapes them: from {@code /metrics?scope=application} on Payara,
 * from the management interface's {@code /metrics} on WildFly.
 */
public final class ServerMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^(mediquo_[^ ]+) ([0-9.Ee+-]+)$", Pattern.MULTILINE);
    private static final String PATH = System.getProperty("it.metrics.path", "metrics?scope=application");

    /** The label Payara adds to every application metric; WildFly has none. */
    private static final Pattern PAYARA_SCOPE =
            Pattern.compile("mp_scope=\"application\",?|,?mp_scope=\"application\"");

    private ServerMetrics() {}

    /**
     * Every sample, by name with labels but Payara's scope, such as {@code mediquo_deliveries_rejected_total{reason=...}}
     * or {@code mediquo_outbox_backlog}.
     */
    public static Map<String, Double> application() {
        return scrape(Receiver.MANAGEMENT);
    }

    /** Every sample of the server the WAR root (see {@link Receiver#application}) belongs to. */
    public static Map<String, Double> application(URI application) {
        return scrape(application.resolve("/"));
    }

    private static Map<String, Double> scrape(URI root) {
        Matcher sample =
                SAMPLE.matcher(Receiver.getFromServer(root, PATH, "text/plain").body());
        Map<String, Double> values = new HashMap<>();
        while (sample.find()) {
            String name = PAYARA_SCOPE.matcher(sample.group(1)).replaceAll("").replace("{}", "");
            values.put(name, Double.parseDouble(sample.group(2)));
        }
        return values;
    }

    /** The number of deliveries rejected for the reason so far. */
    public static double rejected(String reason) {
        return application().getOrDefault("mediquo_deliveries_rejected_total{reason=\"" + reason + "\"}", 0.0);
    }
}
