import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
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
 * the p99 of each second's requests (by when they were due) and the UTC time the measured phase started besides, so
 * that a stall shows when it happened.
 * CONNECTIONS keep-alive connections, one blocking thread each, take the requests in the order they are due (as wrk2
 * does); a request due while all of them wait for answers goes out late and counts from when it was due. Plain
 * HTTP/1.1 over sockets: the JDK's HttpClient cost the client 1.6 ms of CPU per request at 110/s (0.2 of a core, plus
 * its JIT), taken from the 2 cores the receiver runs on. The first WARMUP_SECONDS at the same rate are sent but not
 * measured: a fresh client JVM compiles its code on the same cores while it sends.
 *   java bench/OpenLoop.java URL SECRET RATE SECONDS RUN_ID WARMUP_SECONDS CONNECTIONS
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
        int connections = Integer.parseInt(args[6]);
        new Phase(url, secret, rate, Long.parseLong(args[5]), args[4] + "-warm-up").run(connections);
        System.out.println(new Phase(url, secret, rate, Long.parseLong(args[3]), args[4]).run(connections));
        System.exit(0);
    }

    /** One phase at the rate: its schedule, the latency of each request, and the figures. */
    private static final class Phase {
        private final URI url;
        private final String secret;
        private final double rate;
        private final long seconds;
        private final String run;
        private final int total;
        private final long period;
        private final long[] latencies;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger non2xx = new AtomicInteger();
        private long started;
        private Instant startedAt;

        Phase(URI url, String secret, double rate, long seconds, String run) {
            this.url = url;
            this.secret = secret;
            this.rate = rate;
            this.seconds = seconds;
            this.run = run;
            this.total = (int) (rate * seconds);
            this.period = (long) (1e9 / rate);
            this.latencies = new long[total];
            Arrays.fill(latencies, UNANSWERED);
        }

        /** Sends at the rate for that long and answers the figures as one JSON line. */
        String run(int connections) throws InterruptedException {
            started = System.nanoTime();
            startedAt = Instant.now();
            Thread[] senders = new Thread[connections];
            for (int c = 0; c < connections; c++) {
                senders[c] = new Thread(this::send, "sender-" + c);
                senders[c].start();
            }
            for (Thread sender : senders) {
                sender.join(TimeUnit.SECONDS.toMillis(seconds + 30));
            }
            return figures((System.nanoTime() - started) / 1e9);
        }

        /** One connection: takes the next request due, waits for its time, sends it and reads the answer. */
        private void send() {
            Connection connection = null;
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long due = started + i * period;
                LockSupport.parkNanos(due - System.nanoTime());
                byte[] body = BODY.formatted(1704063600L + i, run, i, i % 1000).getBytes(StandardCharsets.UTF_8);
                try {
                    if (connection == null) {
                        connection = new Connection(url);
                    }
                    int status = connection.post(secret, body);
                    latencies[i] = System.nanoTime() - due;
                    if (status / 100 != 2) {
                        non2xx.incrementAndGet();
                    }
                    if (connection.closing) {
                        connection = Connection.close(connection);
                    }
                } catch (IOException e) { // unanswered: counted as a socket error
                    connection = Connection.close(connection);
                }
            }
            Connection.close(connection);
        }

        private String figures(double elapsed) {
            long[] sorted = answeredSorted(0, total);
            int n = Math.max(sorted.length, 1);
            String perSecond = IntStream.range(0, (int) seconds)
                    .mapToObj(second -> {
                        long[] inSecond =
                                answeredSorted((int) (second * rate), (int) Math.min(total, (second + 1) * rate));
                        return String.format(Locale.ROOT, "%.1f", at(inSecond, (int) (inSecond.length * 0.99)));
                    })
                    .collect(Collectors.joining(","));
            return String.format(
                    Locale.ROOT,
                    "{\"started_at\":\"%s\",\"requests\":%d,\"seconds\":%.2f,\"requests_per_second\":%.1f,"
                            + "\"offered_per_second\":%.1f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,"
                            + "\"max_ms\":%.2f,\"non_2xx\":%d,\"socket_errors\":%d,\"p99_ms_per_second\":[%s]}",
                    startedAt, sorted.length, elapsed, sorted.length / elapsed, rate, at(sorted, n / 2),
                    at(sorted, n * 9 / 10), at(sorted, (int) (n * 0.99)), at(sorted, n - 1), non2xx.get(),
                    total - sorted.length, perSecond);
        }

        /** The latencies of the requests from..to (by when they were due) that were answered, in order. */
        private long[] answeredSorted(int from, int to) {
            return Arrays.stream(latencies, from, to)
                    .filter(latency -> latency != UNANSWERED)
                    .sorted()
                    .toArray();
        }

        private static double at(long[] sorted, int index) {
            return sorted.length == 0 ? 0 : sorted[Math.min(index, sorted.length - 1)] / 1e6;
        }
    }

    /**
     * A keep-alive HTTP/1.1 connection that POSTs a JSON body and reads an answer with a Content-Length. The server
     * ends a connection after so many requests (Payara Micro: 250) with "Connection: close" on its last answer.
     */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] head;
        private boolean closing;

        Connection(URI url) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
            head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                            + "\r\nContent-Type: application/json\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        /** Sends the body and answers the status, once the whole answer is read. */
        int post(String secret, byte[] body) throws IOException {
            out.write(head);
            out.write(("x-webhook-signature: " + secret + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = line();
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                } else if (header.regionMatches(true, 0, "Connection:", 0, 11)) {
                    closing = header.substring(11).trim().equalsIgnoreCase("close");
                }
            }
            if (length < 0) {
                throw new IOException("an answer without Content-Length: " + statusLine);
            }
            in.readNBytes(length);
            return Integer.parseInt(statusLine.substring(9, 12));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        static Connection close(Connection connection) {
            if (connection != null) {
                try {
                    connection.socket.close();
                } catch (IOException ignored) {
                    // closing a connection that failed: nothing more to learn
                }
            }
            return null;
        }
    }
}
