package health.mediquo.webhooks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The log files the receiver under test writes (Payara Micro's --logtofile, with its rotation suffixes). */
public final class ServerLog {

    private static final Path LOG = Path.of(System.getProperty("it.server.log"));

    private ServerLog() {}

    public static long linesContaining(String text) {
        return linesMatching(line -> line.contains(text));
    }

    public static long linesMatching(Predicate<String> line) {
        return linesMatching(LOG, line);
    }

    /** The same in the log of another server: {@code log} is the path its --logtofile names. */
    static long linesMatching(Path log, Predicate<String> line) {
        try (Stream<Path> files = Files.list(log.getParent())) {
            return files.filter(file -> isLogOf(file, log.getFileName().toString()))
                    .mapToLong(file -> countLines(file, line))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log file itself and its rotations, not the lock file the logger holds while the server runs. */
    static boolean isLogOf(Path file, String logName) {
        String name = file.getFileName().toString();
        return name.startsWith(logName) && !name.endsWith(".lck");
    }

    private static long countLines(Path file, Predicate<String> line) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line).count();
        } catch (NoSuchFileException rotatedAway) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
