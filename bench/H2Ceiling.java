import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database ceiling for H2: single-row INSERT commits into a file database, each written to the file before it
 * returns as the receiver's are, from N threads, for S seconds; the
 * same kind of row the receiver writes first for each delivery. Prints one JSON line.
 *   java -cp h2.jar bench/H2Ceiling.java FILE THREADS SECONDS
 */
public class H2Ceiling {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + ";WRITE_DELAY=0"; // as the receiver's pool: each commit on file
        int threads = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS delivery (id VARCHAR(36) PRIMARY KEY,"
                    + " body VARCHAR NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        String body = "x".repeat(400);
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] samples = new long[2_000_000];
            latencies.add(samples);
            Thread worker = new Thread(() -> {
                int n = 0;
                try (Connection connection = DriverManager.getConnection(url);
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO delivery (id, body, received_at) VALUES (?, ?, ?)")) {
                    while (running.get() && n < samples.length) {
                        long start = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, body);
                        insert.setObject(3, OffsetDateTime.now());
                        insert.executeUpdate();
                        samples[n++] = System.nanoTime() - start;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                samples[samples.length - 1] = n;
            });
            workers.add(worker);
        }
        long started = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream()
                .flatMapToLong(samples -> Arrays.stream(samples, 0, (int) samples[samples.length - 1]))
                .sorted()
                .toArray();
        System.out.printf(
                "{\"requests\":%d,\"seconds\":%.2f,\"requests_per_second\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                        + "\"max_ms\":%.2f,\"non_2xx\":0,\"socket_errors\":0}%n",
                all.length, elapsed, all.length / elapsed, all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);
    }
}
