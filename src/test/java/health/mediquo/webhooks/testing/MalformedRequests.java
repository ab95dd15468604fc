package health.mediquo.webhooks.testing;

import health.mediquo.webhooks.testing.Receiver.ApiUser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Requests no receiver may take in, generated from a seed so that a failure can be replayed: bad percent escapes in
 * the query, {@code Authorization} headers of every scheme that do not decode, unparseable {@code Content-Type} and
 * {@code Accept}, {@code Content-Length}s that do not match the body, oversized heads, control characters in headers,
 * and methods no resource has, to the webhook and to the read API. Each webhook request carries a fresh, validly
 * signed delivery, so that its one defect is in the request line or the headers.
 */
public final class MalformedRequests {

    /** One request as bytes on the wire; {@code byApplication}: the application answers it (else the container). */
    public record MalformedRequest(String kind, String summary, byte[] bytes, boolean byApplication) {

        @Override
        public String toString() {
            return kind + ": " + summary;
        }
    }

    private static final String APPLICATION = Receiver.APPLICATION.getPath();
    private static final String WEBHOOK = APPLICATION + "webhooks/mediquo";
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT");
    private static final List<String> SCHEMES = List.of(
            "Basic",
            "basic",
            "BASIC",
            "Bearer",
            "Digest",
            "Negotiate",
            "NTLM",
            "HOBA",
            "Mutual",
            "OAuth",
            "Token",
            "AWS4-HMAC-SHA256",
            "ApiKey",
            "SCRAM-SHA-256",
            "vapid",
            "X");
    private static final List<String> BAD_MEDIA_TYPES = List.of(
            ";",
            "/",
            "application/",
            "/json",
            "application/json; charset=",
            "application/json; NAME",
            "application/json; NAME=\"VALUE",
            "application/json;=VALUE",
            "application/json; NAME=VALUE; ;=",
            "application/json, application/json",
            "application/json/NAME");
    private static final List<String> BAD_ACCEPTS = List.of(
            ";;;",
            ",,,",
            "*/*;q=x",
            "application/json;q=2",
            "application/json;q=",
            "application/json, ;",
            "*/*;q=NAME",
            "application/json;q=-1",
            "text/html;q=0.5, ;NAME");
    private static final String CONTROL_CHARACTERS =
            "\u0000\u0001\u0002\u0007\u0008\u000b\u000c\u000e\u001b\u001f\u007f";

    private final Random random;

    public MalformedRequests(long seed) {
        this.random = new Random(seed);
    }

    /** A request of each kind in turn, {@code count} in all; none of them takes long to answer. */
    public List<MalformedRequest> generate(int count) {
        List<Supplier<MalformedRequest>> kinds = List.of(
                this::badEscapeInTheWebhookQuery,
                this::badEscapeInTheApiQuery,
                this::undecodableAuthorizationOnTheWebhook,
                this::undecodableAuthorizationOnTheApi,
                this::unparseableContentType,
                this::unparseableAcceptOnTheWebhook,
                this::unparseableAcceptOnTheApi,
                this::contentLengthShorterThanTheBody,
                this::invalidContentLength,
                this::oversizedHead,
                this::controlCharacterInAHeader,
                this::unknownMethodOnTheWebhook,
                this::unknownMethodOnTheApi);
        List<MalformedRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(kinds.get(i % kinds.size()).get());
        }
        return requests;
    }

    /** Deliveries whose {@code Content-Length} promises more than is sent: the server waits for its read timeout. */
    public List<MalformedRequest> contentLengthsLongerThanTheBody(int count) {
        List<MalformedRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = delivery();
            int declared = body.length + 1 + random.nextInt(10_000);
            requests.add(webhook("content-length-longer", signed(), body, declared, true));
        }
        return requests;
    }

    /** Bad percent escapes in the path, which the container itself must decode before choosing an application. */
    public List<MalformedRequest> badEscapesInThePath(int count) {
        List<MalformedRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String escape = badEscape();
            if (random.nextBoolean()) {
                requests.add(request("path-escape", "POST", WEBHOOK + escape, signed(), delivery(), false));
            } else {
                boolean reports = random.nextBoolean();
                String path = APPLICATION + (reports ? "api/reports/" : "api/deliveries/") + escape;
                ApiUser user = reports ? ApiUser.READER : ApiUser.ADMIN;
                requests.add(request("path-escape", "GET", path, List.of(as(user)), new byte[0], false));
            }
        }
        return requests;
    }

    private MalformedRequest badEscapeInTheWebhookQuery() {
        return webhookTo(WEBHOOK + "?" + queryWith(badEscape()), "query-escape");
    }

    private MalformedRequest badEscapeInTheApiQuery() {
        String query = queryWith(badEscape());
        boolean reports = random.nextBoolean();
        String path = reports
                ? "api/patients/" + Deliveries.newPatientCode() + "/reports?" + query
                : "api/deliveries?" + query;
        ApiUser user = reports ? ApiUser.READER : ApiUser.ADMIN;
        return request("query-escape-api", "GET", APPLICATION + path, List.of(as(user)), new byte[0], true);
    }

    private MalformedRequest undecodableAuthorizationOnTheWebhook() {
        List<String> headers = new ArrayList<>(List.of("x-webhook-signature: forged", json()));
        headers.add("Authorization: " + undecodableAuthorization());
        return webhook("authorization", headers, delivery(), null, true);
    }

    private MalformedRequest undecodableAuthorizationOnTheApi() {
        String path = pick(
                List.of("api/patients/" + Deliveries.newPatientCode() + "/reports", "api/deliveries", "api/reports/x"));
        return request(
                "authorization-api",
                "GET",
                APPLICATION + path,
                List.of("Authorization: " + undecodableAuthorization()),
                new byte[0],
                true);
    }

    private MalformedRequest unparseableContentType() {
        List<String> headers = new ArrayList<>(signed());
        headers.set(1, "Content-Type: " + fill(pick(BAD_MEDIA_TYPES)));
        return webhook("content-type", headers, delivery(), null, true);
    }

    private MalformedRequest unparseableAcceptOnTheWebhook() {
        List<String> headers = new ArrayList<>(signed());
        headers.add("Accept: " + fill(pick(BAD_ACCEPTS)));
        return webhook("accept", headers, delivery(), null, true);
    }

    private MalformedRequest unparseableAcceptOnTheApi() {
        String path = "api/patients/" + Deliveries.newPatientCode() + "/reports";
        List<String> headers = List.of(as(ApiUser.READER), "Accept: " + fill(pick(BAD_ACCEPTS)));
        return request("accept-api", "GET", APPLICATION + path, headers, new byte[0], true);
    }

    private MalformedRequest contentLengthShorterThanTheBody() {
        byte[] body = delivery();
        return webhook("content-length-shorter", signed(), body, random.nextInt(body.length), true);
    }

    private MalformedRequest invalidContentLength() {
        byte[] body = delivery();
        List<String> headers = new ArrayList<>(signed());
        String length = String.valueOf(body.length);
        headers.addAll(pick(List.of(
                List.of("Content-Length: " + pick(List.of("abc", "-5", "1e3", "0x10", "99999999999999999999", ""))),
                List.of("Content-Length: " + length, "Content-Length: " + (body.length + 1 + random.nextInt(100))),
                List.of("Content-Length: " + length + ", " + (body.length + 1)),
                List.of("Transfer-Encoding: chunked", "Content-Length: " + length),
                List.of("Transfer-Encoding: chunked"))));
        return request("content-length-invalid", "POST", WEBHOOK, headers, body, false);
    }

    private MalformedRequest oversizedHead() {
        List<String> headers = new ArrayList<>(signed());
        switch (random.nextInt(4)) {
            case 0 -> headers.add("X-Padding: " + printable(9_000 + random.nextInt(20_000)));
            case 1 -> headers.add("Authorization: " + pick(SCHEMES) + " " + printable(9_000 + random.nextInt(20_000)));
            case 2 -> {
                for (int i = 0, n = 150 + random.nextInt(200); i < n; i++) {
                    headers.add("X-Header-" + i + ": " + printable(1 + random.nextInt(20)));
                }
            }
            default -> {
                return request(
                        "oversized-head",
                        "POST",
                        WEBHOOK + "?padding=" + "a".repeat(9_000 + random.nextInt(20_000)),
                        headers,
                        delivery(),
                        false);
            }
        }
        return request("oversized-head", "POST", WEBHOOK, headers, delivery(), false);
    }

    private MalformedRequest controlCharacterInAHeader() {
        List<String> headers = new ArrayList<>(signed());
        String value = printable(1 + random.nextInt(30));
        int at = random.nextInt(value.length() + 1);
        value = value.substring(0, at)
                + CONTROL_CHARACTERS.charAt(random.nextInt(CONTROL_CHARACTERS.length()))
                + value.substring(at);
        headers.add(pick(List.of("X-Note", "Authorization", "Accept", "User-Agent", "webhook-id")) + ": " + value);
        return request("control-character", "POST", WEBHOOK, headers, delivery(), false);
    }

    private MalformedRequest unknownMethodOnTheWebhook() {
        String method = method();
        return request("method", method, WEBHOOK, signed(), delivery(), !method.equals("TRACE"));
    }

    private MalformedRequest unknownMethodOnTheApi() {
        String method = random.nextInt(4) == 0 ? "POST" : method();
        String path = "api/patients/" + Deliveries.newPatientCode() + "/reports";
        return request(
                "method-api",
                method,
                APPLICATION + path,
                List.of(as(ApiUser.READER)),
                new byte[0],
                !method.equals("TRACE"));
    }

    private String method() {
        int choice = random.nextInt(4);
        if (choice == 0) {
            return pick(List.of("TRACE", "PUT", "PATCH", "PROPFIND", "MKCOL", "LOCK", "post", "Post", "P0ST"));
        }
        String method;
        do {
            method = token(3 + random.nextInt(10)).toUpperCase();
        } while (KNOWN_METHODS.contains(method));
        return method;
    }

    private String undecodableAuthorization() {
        String scheme = pick(SCHEMES);
        String credentials = switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> "!!!" + printable(random.nextInt(20));
            case 2 -> base64(token(1 + random.nextInt(30))); // no colon
            case 3 -> base64(new byte[] {(byte) 0xC3, 0x28, ':', 'x'}); // not UTF-8
            case 4 -> base64(token(5) + ":" + token(5)) + "=x"; // bad padding
            case 5 -> base64(token(8) + ":" + token(12)); // decodes, but no such user
            case 6 -> token(4) + "." + token(6) + "." + token(8);
            case 7 -> "realm=\"" + token(5) + "\", nonce=\"" + token(7);
            default -> printable(1_000 + random.nextInt(4_000));
        };
        return random.nextInt(10) == 0 ? credentials : scheme + " ".repeat(1 + random.nextInt(2)) + credentials;
    }

    private String badEscape() {
        String hex = "0123456789abcdefABCDEF";
        return switch (random.nextInt(5)) {
            case 0 -> "%";
            case 1 -> "%" + hex.charAt(random.nextInt(hex.length()));
            case 2 -> "%" + pick(List.of("zz", "g0", "0g", "G1", "%4", "-1", "+1", "u0041", "\u00e9a"));
            case 3 -> "%" + hex.charAt(random.nextInt(hex.length())) + pick(List.of("x", "%", "/", "Z"));
            default -> pick(List.of("\"", "<", ">", "\\", "^", "`", "{", "|", "}", "\u00e9", "\u00ff"));
        };
    }

    private String queryWith(String badEscape) {
        String before = token(1 + random.nextInt(6)) + "=" + token(random.nextInt(8));
        return random.nextBoolean() ? before + badEscape : badEscape + "=" + token(3) + "&" + before;
    }

    private MalformedRequest webhookTo(String target, String kind) {
        return request(kind, "POST", target, signed(), delivery(), true);
    }

    private MalformedRequest webhook(
            String kind, List<String> headers, byte[] body, Integer declaredLength, boolean byApplication) {
        List<String> all = new ArrayList<>(headers);
        all.add("Content-Length: " + (declaredLength == null ? body.length : declaredLength));
        return raw(kind, "POST", WEBHOOK, all, body, byApplication);
    }

    private MalformedRequest request(
            String kind, String method, String target, List<String> headers, byte[] body, boolean byApplication) {
        List<String> all = new ArrayList<>(headers);
        if (body.length > 0
                && headers.stream().noneMatch(h -> h.startsWith("Content-Length") || h.startsWith("Transfer"))) {
            all.add("Content-Length: " + body.length);
        }
        return raw(kind, method, target, all, body, byApplication);
    }

    private static MalformedRequest raw(
            String kind, String method, String target, List<String> headers, byte[] body, boolean byApplication) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        head.append("Host: ").append(Receiver.SERVER.getAuthority()).append("\r\nConnection: close\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        String summary = method + " " + abbreviate(target) + " "
                + headers.stream().map(MalformedRequests::abbreviate).toList();
        return new MalformedRequest(kind, summary, bytes.toByteArray(), byApplication);
    }

    private static List<String> signed() {
        return List.of("x-webhook-signature: " + Receiver.CURRENT_SECRET, json());
    }

    private static String json() {
        return "Content-Type: application/json";
    }

    private static String as(ApiUser user) {
        return "Authorization: " + user.basicAuthorization();
    }

    private static byte[] delivery() {
        return Deliveries.soapReport(Deliveries.newPatientCode()).toString().getBytes(StandardCharsets.UTF_8);
    }

    private String fill(String template) {
        return template.replace("NAME", token(1 + random.nextInt(8))).replace("VALUE", token(1 + random.nextInt(8)));
    }

    private String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private String printable(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
        }
        return text.toString();
    }

    private static String base64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…(" + text.length() + ")";
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
