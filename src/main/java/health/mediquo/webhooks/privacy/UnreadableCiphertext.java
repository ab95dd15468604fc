package health.mediquo.webhooks.privacy;

/** A stored value that no configured key opens: its key is not configured, or it was altered. */
public class UnreadableCiphertext extends RuntimeException {

    public UnreadableCiphertext(String message) {
        super(message);
    }
}
