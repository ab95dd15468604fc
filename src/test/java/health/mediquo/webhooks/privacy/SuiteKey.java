package health.mediquo.webhooks.privacy;

import java.util.List;
import java.util.Optional;

/** The suite's data key {@code it-1} (pom.xml), for tests that write a sealed column with plain JDBC. */
public final class SuiteKey {

    private SuiteKey() {}

    /** The text sealed exactly as the receiver seals it. */
    public static String seal(String text) {
        FieldCipher cipher = new FieldCipher();
        cipher.use(KeyRing.of(List.of("it-1"), property -> Optional.ofNullable(System.getProperty("it.data.key"))));
        return cipher.seal(text);
    }
}
