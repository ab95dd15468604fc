package health.mediquo.webhooks.privacy;

/**
 * A stored value that does not open in its place: its key is not configured, it was altered, or it was sealed for
 * another row or column. The message names the place and the key, never the value.
 */
public class UnreadableCiphertext extends RuntimeException {

    private final SealedPlace place;

    public UnreadableCiphertext(SealedPlace place, String message) {
        super(message);
        this.place = place;
    }

    public SealedPlace place() {
        return place;
    }
}
