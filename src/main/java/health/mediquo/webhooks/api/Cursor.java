package health.mediquo.webhooks.api;

import health.mediquo.webhooks.receiving.ClientError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Where a page ends: the time and id of its last item, which the next page starts strictly after. */
public record Cursor(Instant time, String id) {

    private static final String SEPARATOR = "|";

    /** Reads a {@code cursor} query parameter; null when there is none. */
    public static Cursor parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int separator = decoded.indexOf(SEPARATOR);
            return new Cursor(Instant.parse(decoded.substring(0, separator)), decoded.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new ClientError(400, "'cursor' is not a cursor this API returned.");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((time + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }
}
