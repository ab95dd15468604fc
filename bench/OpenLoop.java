import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Open-loop load: POSTs signed, unique patient_report_sent deliveries (the body of bench/deliveries.lua) at a fixed
 * rate, whatever the pace of the answers, and measures each answer from the moment its request was due, so that a
 * stall counts against every request it holds back (wrk, a closed loop, would send fewer and hide it). A fixed body,
 * as hey sends, would be a duplicate from the second request on. Prints one JSON line, as bench/report.lua does, with
 * the p99 of each second's requests (by when they were due) besides, so that a stall shows when it happened.
 * The first WARMUP_SECONDS at the same rate are sent but not measured: a fresh client JVM compiles its HTTP stack on
 * the same cores while it sends, and fell seconds behind in its first 3-5 seconds (measured against a warm server:
 * p50 1.5 s then, 6-12 ms after), which would count the client's start against the receiver.
 *   java bench/OpenLoop.java URL SECRET RATE SECONDS RUN_ID WARMUP_SECONDS
 */
public class OpenLoop {

    private static final long UNANSWERED = -1;

    private static final String BODY = "{\"type\":\"patient_report_sent\",\"occurred_on\":%d,\"payload\":{\"type\":\"soap\","
            + "\"content\":{\"subjective\":\"bench %s-open-%d made-up complaint\",\"objective\":\"made-up vital signs\","
            + "\"assessment\":\"made-up assessment\",\"plan\":\"made-up plan\"},\"patient\":{\"code\":\"bench-open-%d\"}}}";

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String secret = args[1];
        double rate = Double.parseDouble(args[2]);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        send(client, url, secret, rate, Long.parseLong(args[5]), args[4] + "-warm-up");
        String figures = send(client, url, secret, rate, Long.parseLong(args[3]), args[4]);
        System.out.println(figures);
        System.exit(0);
    }

    /** Sends at the rate for that long and answers the figures as one JSON line. */
    private static String send(HttpClient client, URI url, String secret, double rate, long seconds, String run)
            throws InterruptedException {
        int total = (int) (rate * seconds);
        long period = (long) (1e9 / rate);
        long[] latencies = new long[total];
        Arrays.fill(latencies, UNANSWERED);
        AtomicInteger non2xx = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(total);
        long started = System.nanoTime();
        for (int i = 0; i < total; i++) {
            int index = i;
            long due = started + i * period;
            LockSupport.parkNanos(due - System.nanoTime());
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("x-webhook-signature", secret)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(1704063600L + i, run, i, i % 1000)))
                    .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null) {
                    failed.incrementAndGet();
                } else {
                    if (response.statusCode() / 100 != 2) {
                        non2xx.incrementAndGet();
                    }
                    latencies[index] = System.nanoTime() - due;
                }
                finished.countDown();
            });
        }
        finished.await(30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted = answeredSorted(latencies, 0, total);
        int n = Math.max(sorted.length, 1);
        String perSecond = IntStream.range(0, (int) seconds)
                .mapToObj(second -> {
                    long[] inSecond = answeredSorted(
                            latencies, (int) (second * rate), (int) Math.min(total, (second + 1) * rate));
                    return String.format(Locale.ROOT, "%.1f", at(inSecond, (int) (inSecond.length * 0.99)));
                })
                .collect(Collectors.joining(","));
        return String.format(
                Locale.ROOT,
                "{\"requests\":%d,\"seconds\":%.2f,\"requests_per_second\":%.1f,\"offered_per_second\":%.1f,"
                        + "\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"non_2xx\":%d,"
                        + "\"socket_errors\":%d,\"p99_ms_per_second\":[%s]}",
                sorted.length, elapsed, sorted.length / elapsed, rate, at(sorted, n / 2), at(sorted, n * 9 / 10),
                at(sorted, (int) (n * 0.99)), at(sorted, n - 1), non2xx.get(), failed.get() + total - sorted.length,
                perSecond);
    }

    /** The latencies of the requests from..to (by when they were due) that were answered, in order. */
    private static long[] answeredSorted(long[] latencies, int from, int to) {
        return Arrays.stream(latencies, from, to)
                .filter(latency -> latency != UNANSWERED)
                .sorted()
                .toArray();
    }

    private static double at(long[] sorted, int index) {
        return sorted.length == 0 ? 0 : sorted[Math.min(index, sorted.length - 1)] / 1e6;
    }
}
