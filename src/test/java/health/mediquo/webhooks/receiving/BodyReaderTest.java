package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    private final BodyReader reader = new BodyReader();

    @BeforeEach
    void limitBodiesToTenBytes() {
        reader.maxBodyBytes = 10;
    }

    @Test
    void bodyUpToTheLimitIsReadVerbatimWithItsDigest() {
        RawDelivery raw = reader.read(new ByteArrayInputStream("{\"é\":1}".getBytes(StandardCharsets.UTF_8)));

        assertEquals("{\"é\":1}", raw.text());
        // printf '{"\xc3\xa9":1}' | sha256sum
        assertEquals("ddcfcf4765da163969972bb20660092ca2787782d9352d1d8a38e93f70acf3bf", raw.sha256());
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
