package health.mediquo.webhooks.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The keyed digest of each delivery's body. Remaking one under a new key takes the body itself, opened: the stored
 * digest cannot be turned into another key's.
 */
record DigestedBodies(KeyedDigests digests, FieldCipher cipher) implements KeyedColumns {

    @Override
    public String table() {
        return "delivery";
    }

    @Override
    public String name() {
        return "body_digest";
    }

    @Override
    public List<String> columns() {
        return List.of("body_digest");
    }

    @Override
    public List<String> read() {
        return List.of("body_digest", "body");
    }

    @Override
    public RegisteredKeys keys() {
        return digests;
    }

    @Override
    public String currentPrefix() {
        return digests.currentKeyId() + ":";
    }

    @Override
    public List<String> remake(String rowId, List<String> row) {
        // The body was decoded strictly as UTF-8 when it arrived: encoding it again gives back the bytes received.
        byte[] body = cipher.open(row.get(1), new SealedPlace("delivery", "body", rowId))
                .getBytes(StandardCharsets.UTF_8);
        return List.of(digests.of(body).current());
    }
}
