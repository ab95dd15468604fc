package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.mediquo.webhooks.privacy.SuiteKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    private final BodyReader reader = new BodyReader();

    private static final String DIGEST_KEY = "bWFkZS11cCBib2R5IGRpZ2VzdCB0ZXN0IGtleSAzMmI=";

    @BeforeEach
    void limitBodiesToTenBytes() {
        reader.maxBodyBytes = 10;
        reader.digests = SuiteKey.digests(List.of("k1"), Map.of("k1", DIGEST_KEY));
    }

    @Test
    void bodyUpToTheLimitIsReadVerbatimWithItsKeyedDigest() {
        RawDelivery raw = reader.read(new ByteArrayInputStream("{\"é\":1}".getBytes(StandardCharsets.UTF_8)));

        assertEquals("{\"é\":1}", raw.text());
        // printf '{"\xc3\xa9":1}' | openssl dgst -sha256 -binary \
        //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(echo DIGEST_KEY | base64 -d | xxd -p -c 64)
        assertEquals(
                "k1:7595fc59b8d6e2c1bcffce9ae4563a0d45af93de8843158bbacdf2233486a076",
                raw.digest().current());
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        assertThrows(BodyTooLarge.class, () -> reader.read(new ByteArrayInputStream(new byte[11])));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "{\"ñ\":1}".getBytes(StandardCharsets.ISO_8859_1);

        assertThrows(MalformedBody.class, () -> reader.read(new ByteArrayInputStream(latin1)));
    }
}
