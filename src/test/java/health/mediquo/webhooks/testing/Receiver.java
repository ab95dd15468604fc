package health.mediquo.webhooks.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The deployed receiver, as MediQuo (or an impostor) reaches it over HTTP. */
public final class Receiver {

    public static final List<String> SECRETS =
            List.of(System.getProperty("it.secrets").split(","));
    public static final String CURRENT_SECRET = SECRETS.get(0);
    public static final String PREVIOUS_SECRET = SECRETS.get(1);

    private static final URI WEBHOOK =
            URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/mediquo-webhooks/webhooks/mediquo");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Receiver() {}

    /** A delivery signed with the current secret. */
    public static Answer deliver(byte[] body) {
        return post(body, "application/json", CURRENT_SECRET);
    }

    public static Answer deliver(String body) {
        return deliver(body.getBytes(StandardCharsets.UTF_8));
    }

    /** @param signature the x-webhook-signature value, or null to send none */
    public static Answer post(byte[] body, String contentType, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(WEBHOOK)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("x-webhook-signature", signature);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the receiver answered. */
    public record Answer(int status, String contentType, String retryAfter, String body) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String deliveryId() {
            return json().getString("delivery_id");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
