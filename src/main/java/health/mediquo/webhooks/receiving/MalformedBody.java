package health.mediquo.webhooks.receiving;

/** The body is not UTF-8 text holding one JSON document. */
public class MalformedBody extends WebhookRejection {

    public MalformedBody(String detail) {
        super(400, "Bad Request", "malformed-body", detail);
    }
}
