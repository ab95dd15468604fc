package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.privacy.KeyedDigests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads a request body within the configured size limit and checks that it is UTF-8 text. */
@ApplicationScoped
public class BodyReader {

    @Inject
    @ConfigProperty(name = "mediquo.webhook.max-body-bytes", defaultValue = "262144")
    int maxBodyBytes;

    @Inject
    KeyedDigests digests;

    public RawDelivery read(InputStream body) {
        byte[] bytes = readWithinLimit(body);
        return new RawDelivery(DeliveryId.next(), Instant.now(), decodeUtf8(bytes), digests.of(bytes));
    }

    /** @throws BodyTooLarge when the body is over the limit */
    public byte[] readWithinLimit(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new BodyTooLarge(maxBodyBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new MalformedBody("The request body could not be read completely.");
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBody("The body is not valid UTF-8 text.");
        }
    }
}
