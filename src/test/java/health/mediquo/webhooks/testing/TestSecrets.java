package health.mediquo.webhooks.testing;

import health.mediquo.webhooks.testing.Receiver.ApiUser;
import java.util.ArrayList;
import java.util.List;

/**
 * Every made-up secret the tests hand to the receiver, in one place, so that the log audit knows what must never
 * appear in a log line. The suite's own settings come from pom.xml through system properties.
 */
public final class TestSecrets {

    public static final String DATA_KEY_2 = "bWFkZS11cCB0ZXN0IGtleSBpdC0yIDMyIGJ5dGVzISE=";
    public static final String OTHER_DATA_KEY_2 = "YW5vdGhlciBtYWRlLXVwIGtleSwgYWxzbyAzMiBieXQ=";
    public static final String DIGEST_KEY_2 = "bWFkZS11cCB0ZXN0IGRpZ2VzdCBrZXkgaXQtZDIgMzI=";
    public static final String OTHER_DIGEST_KEY_2 = "YW5vdGhlciBtYWRlLXVwIGRpZ2VzdCBrZXkgaXQtZDE=";
    public static final String STANDARD_WEBHOOKS_SECRET = "whsec_bWFkZS11cCBzdGFuZGFyZCB3ZWJob29rcyBzZWNyZXQ=";

    private TestSecrets() {}

    /** The secrets, passwords, keys and credential headers of the suite. */
    public static List<String> all() {
        List<String> secrets = new ArrayList<>(Receiver.SECRETS);
        secrets.addAll(
                List.of(DATA_KEY_2, OTHER_DATA_KEY_2, DIGEST_KEY_2, OTHER_DIGEST_KEY_2, STANDARD_WEBHOOKS_SECRET));
        secrets.add(STANDARD_WEBHOOKS_SECRET.substring("whsec_".length()));
        secrets.add(System.getProperty("it.data.key"));
        secrets.add(System.getProperty("it.digest.key"));
        secrets.add(System.getProperty("it.audit.key"));
        secrets.add(System.getProperty("it.broker.password"));
        for (ApiUser user : List.of(ApiUser.READER, ApiUser.ADMIN, ApiUser.MEDIQUO, ApiUser.PRIVACY)) {
            secrets.add(user.password());
            secrets.add(user.basicAuthorization().substring("Basic ".length()));
        }
        return secrets;
    }
}
