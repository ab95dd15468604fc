package health.mediquo.webhooks.privacy;

/** The data keys are missing, malformed, or not the keys this database was written with: the receiver must not run. */
public class InvalidKeyConfiguration extends RuntimeException {

    public InvalidKeyConfiguration(String message) {
        super(message);
    }
}
