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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The deployed receiver, as MediQuo (or an impostor) reaches it over HTTP. */
public final class Receiver {

    public static final List<String> SECRETS =
            List.of(System.getProperty("it.secrets").split(","));
    public static final String CURRENT_SECRET = SECRETS.get(0);
    public static final String PREVIOUS_SECRET = SECRETS.get(1);

    /** The server's own endpoints (/openapi; on Payara /health and /metrics too) sit at the server's root. */
    public static final URI SERVER = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/");

    /** Where /health and /metrics are: the server's root on Payara, the management interface on WildFly. */
    public static final URI MANAGEMENT = URI.create(System.getProperty("it.management.url", SERVER.toString()));

    /** The WAR's context root: its name on Payara Micro under Arquillian, / on WildFly (jboss-web.xml). */
    private static final String CONTEXT_ROOT = System.getProperty("it.context.root", "/mediquo-webhooks/");

    public static final URI APPLICATION = application(Integer.parseInt(System.getProperty("it.http.port")));

    private static final URI WEBHOOK = webhookOf(APPLICATION);
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

    /** A delivery signed with the current secret, to the receiver of another server (see {@link #application}). */
    public static Answer deliverTo(URI application, String body) {
        return post(webhookOf(application), body.getBytes(StandardCharsets.UTF_8), "application/json", CURRENT_SECRET);
    }

    /** @param signature the x-webhook-signature value, or null to send none */
    public static Answer post(byte[] body, String contentType, String signature) {
        return post(WEBHOOK, body, contentType, signature);
    }

    private static Answer post(URI webhook, byte[] body, String contentType, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("x-webhook-signature", signature);
        }
        return send(request);
    }

    /** A delivery with these headers besides its Content-Type, application/json. */
    public static Answer deliverWith(byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(WEBHOOK)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET of the read API (path relative to the application) as the user, or anonymously when it is null. */
    public static Answer get(String path, ApiUser user) {
        return get(APPLICATION, path, user);
    }

    /** The same, on the WAR with that root. */
    public static Answer get(URI application, String path, ApiUser user) {
        return send(as(user, HttpRequest.newBuilder(application.resolve(path)).GET()));
    }

    /** A GET of a resource the receiver named (a Location), as the user. */
    public static Answer get(URI resource, ApiUser user) {
        return send(as(user, HttpRequest.newBuilder(resource).GET()));
    }

    /** A POST without body to the read API, as the user, or anonymously when it is null. */
    public static Answer post(String path, ApiUser user) {
        return post(APPLICATION, path, user);
    }

    /** The same, on the WAR with that root. */
    public static Answer post(URI application, String path, ApiUser user) {
        return send(
                as(user, HttpRequest.newBuilder(application.resolve(path)).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** A DELETE of the read API, as the user, or anonymously when it is null. */
    public static Answer delete(String path, ApiUser user) {
        return send(as(user, HttpRequest.newBuilder(APPLICATION.resolve(path)).DELETE()));
    }

    /** A GET of one of the server's own endpoints, such as {@code openapi}. */
    public static Answer getFromServer(String path, String accept) {
        return getFromServer(SERVER, path, accept);
    }

    /** A GET of a health or metrics endpoint, such as {@code health/ready}. */
    public static Answer getFromManagement(String path, String accept) {
        return getFromServer(MANAGEMENT, path, accept);
    }

    /** The same, from the server with that root. */
    public static Answer getFromServer(URI server, String path, String accept) {
        return send(HttpRequest.newBuilder(server.resolve(path))
                .header("Accept", accept)
                .GET());
    }

    /** The root of the WAR on the server listening on the port. */
    public static URI application(int port) {
        return URI.create("http://127.0.0.1:" + port + CONTEXT_ROOT);
    }

    private static URI webhookOf(URI application) {
        return application.resolve("webhooks/mediquo");
    }

    private static HttpRequest.Builder as(ApiUser user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", user.basicAuthorization());
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("WWW-Authenticate").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A user of the read API, as configured for the tests in pom.xml (made-up credentials). */
    public record ApiUser(String name, String password) {

        public static final ApiUser READER = new ApiUser("it-reader", "it-reader-password");
        public static final ApiUser ADMIN = new ApiUser("it-admin", "it-admin-password");
        public static final ApiUser MEDIQUO = new ApiUser("it-mediquo", "it-mediquo-password");
        public static final ApiUser PRIVACY = new ApiUser("it-privacy", "it-privacy-password");

        /** The value of an Authorization header with this user's HTTP Basic credentials. */
        public String basicAuthorization() {
            String credentials = name + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What the receiver answered. */
    public record Answer(
            int status, String contentType, String retryAfter, String authenticate, String location, String body) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String deliveryId() {
            return json().getString("delivery_id");
        }

        /** The checks of a health answer, by name. */
        public Map<String, JsonObject> healthChecks() {
            return json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
