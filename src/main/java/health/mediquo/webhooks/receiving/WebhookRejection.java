package health.mediquo.webhooks.receiving;

/**
 * A delivery refused for a reason the sender can act on; becomes an RFC 9457 problem. Nothing is stored, except an
 * authentic delivery that is not a valid event ({@link InvalidEnvelope}), which is kept as rejected.
 */
public abstract class WebhookRejection extends RuntimeException {

    private final int status;
    private final String title;
    private final String problemType;

    protected WebhookRejection(int status, String title, String problemType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.problemType = problemType;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String problemType() {
        return problemType;
    }

    /** The JSON field the problem is about, when there is one. */
    public String field() {
        return null;
    }

    public Problem problem() {
        return Problem.of(status, title, problemType, getMessage(), field());
    }
}
