package health.mediquo.webhooks.privacy;

/**
 * A stored value that does not open in its place: its key is not configured, it was altered, or it was sealed for
 * another row or column. The message names the place and the key, never the value.
 */
public class UnreadableCiphertext extends RuntimeException {

    private final SealedPlace place;

    /** @param reason what is wrong with the value, after "The value of PLACE" */
    UnreadableCiphertext(SealedPlace place, String reason) {
        super("The value of " + place + " " + reason);
        this.place = place;
    }

    public SealedPlace place() {
        return place;
    }
}
