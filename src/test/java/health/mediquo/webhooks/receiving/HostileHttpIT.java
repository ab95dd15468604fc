package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Deliveries;
import health.mediquo.webhooks.testing.MalformedRequests;
import health.mediquo.webhooks.testing.MalformedRequests.MalformedRequest;
import health.mediquo.webhooks.testing.RawHttp;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed requests beyond bodies (request line, headers, methods), to the webhook and to the read API, sent as raw
 * bytes by eight senders at once: every answer is a 4xx, a problem document whenever the application answers, and
 * nothing is stored.
 */
@ExtendWith(ArquillianExtension.class)
class HostileHttpIT {

    private static final int REQUESTS = 1_300;
    private static final int SLOW_REQUESTS = 8;
    private static final int PATH_ESCAPES = 60;
    private static final long SEED = Long.getLong("it.fuzz.seed", 20261127L);

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void malformedRequestsGetClientErrorsNeverAServerErrorOrAnAcknowledgementAndLeaveNothingBehind()
            throws InterruptedException {
        MalformedRequests generator = new MalformedRequests(SEED);
        List<MalformedRequest> requests = new ArrayList<>(generator.generate(REQUESTS));
        requests.addAll(generator.contentLengthsLongerThanTheBody(SLOW_REQUESTS));

        Outcomes outcomes = sendAll(requests, HostileHttpIT::isTheAnswerDue);

        System.out.println("HostileHttpIT: " + requests.size() + " malformed requests, answers by kind and status: "
                + outcomes.byKindAndStatus);
        assertEquals(
                Map.of(), outcomes.firstUnexpected, () -> "answers by kind and status: " + outcomes.byKindAndStatus);
        assertEquals(requests.size(), outcomes.total());
        assertServerStillReady();
    }

    /**
     * Payara Micro 6.2025.10 decodes the path before it chooses an application, and on an escape it cannot decode it
     * logs a SEVERE error and sends an empty 200 (payara/Payara#8000): no application code runs, so this is the one
     * answer the receiver cannot turn into a 400 problem. Held here to what matters to a sender: never a 202, never a
     * delivery id, never a server error, nothing stored.
     */
    @Test
    void badEscapesInThePathAreNeverTakenIn() throws InterruptedException {
        List<MalformedRequest> requests = new MalformedRequests(SEED).badEscapesInThePath(PATH_ESCAPES);

        Outcomes outcomes =
                sendAll(requests, (request, answer) -> isTheAnswerDue(request, answer) || isEmpty200(answer));

        System.out.println(
                "HostileHttpIT: " + requests.size() + " bad escapes in the path, answers: " + outcomes.byKindAndStatus);
        assertEquals(
                Map.of(), outcomes.firstUnexpected, () -> "answers by kind and status: " + outcomes.byKindAndStatus);
        assertServerStillReady();
    }

    @Test
    void badEscapeInTheQueryOfASignedDeliveryIsAProblemNotAnAcknowledgement() {
        String target = Receiver.APPLICATION.getPath() + "webhooks/mediquo?x=%zz";
        byte[] body =
                Deliveries.soapReport(Deliveries.newPatientCode()).toString().getBytes(StandardCharsets.UTF_8);
        long rowsBefore = ReceiverDatabase.totalRows();

        Answer answer = RawHttp.exchange(signedPost(target, "", body));

        assertTrue(isProblem(answer, 400), String.valueOf(answer));
        assertEquals(
                "urn:mediquo-webhooks:problem:malformed-request", answer.json().getString("type"));
        assertEquals(rowsBefore, ReceiverDatabase.totalRows(), "rows left behind");
    }

    @Test
    void undecodableBasicCredentialsDoNotStopASignedDeliveryWhereBasicIsNotRequired() {
        String target = Receiver.APPLICATION.getPath() + "webhooks/mediquo";
        for (String authorization : List.of("Basic Zm9v", "Basic !!!")) {
            byte[] body = Deliveries.soapReport(Deliveries.newPatientCode())
                    .toString()
                    .getBytes();

            Answer answer = RawHttp.exchange(signedPost(target, "Authorization: " + authorization + "\r\n", body));

            assertEquals(202, answer.status(), authorization + " -> " + answer);
        }
    }

    private static boolean isTheAnswerDue(MalformedRequest request, Answer answer) {
        if (answer == null || answer.status() < 400 || answer.status() >= 500) {
            return false;
        }
        return request.byApplication()
                ? isProblem(answer, answer.status())
                : answer.body().isEmpty() || answer.contentType().startsWith(Problem.MEDIA_TYPE);
    }

    private static boolean isEmpty200(Answer answer) {
        return answer != null && answer.status() == 200 && answer.body().isEmpty();
    }

    private static boolean isProblem(Answer answer, int status) {
        return answer != null
                && answer.status() == status
                && answer.contentType().startsWith(Problem.MEDIA_TYPE)
                && answer.json().getInt("status") == status;
    }

    private static Outcomes sendAll(List<MalformedRequest> requests, BiPredicate<MalformedRequest, Answer> due)
            throws InterruptedException {
        long rowsBefore = ReceiverDatabase.totalRows();
        Outcomes outcomes = new Outcomes();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (MalformedRequest request : requests) {
            senders.execute(() -> {
                Answer answer = RawHttp.exchange(request.bytes());
                String status = answer == null
                        ? "no answer"
                        : answer.status() + (answer.body().isEmpty() ? " empty" : "");
                outcomes.byKindAndStatus
                        .computeIfAbsent(request.kind(), kind -> new ConcurrentSkipListMap<>())
                        .computeIfAbsent(status, s -> new AtomicInteger())
                        .incrementAndGet();
                if (!due.test(request, answer)) {
                    outcomes.firstUnexpected.putIfAbsent(request.kind() + " " + status, request + " -> " + answer);
                }
            });
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(10, TimeUnit.MINUTES), "all requests sent");
        assertEquals(rowsBefore, ReceiverDatabase.totalRows(), "rows left behind");
        return outcomes;
    }

    private static byte[] signedPost(String target, String extraHeaders, byte[] body) {
        String head = "POST " + target + " HTTP/1.1\r\nHost: " + Receiver.SERVER.getAuthority()
                + "\r\nConnection: close\r\nContent-Type: application/json\r\nx-webhook-signature: "
                + Receiver.CURRENT_SECRET + "\r\n" + extraHeaders + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        return request;
    }

    private static void assertServerStillReady() {
        Answer health = Receiver.getFromManagement("health/ready", "application/json");
        assertEquals(200, health.status(), health::toString);
    }

    private static final class Outcomes {
        final Map<String, Map<String, AtomicInteger>> byKindAndStatus = new ConcurrentSkipListMap<>();
        final Map<String, String> firstUnexpected = new ConcurrentHashMap<>();

        int total() {
            return byKindAndStatus.values().stream()
                    .flatMap(statuses -> statuses.values().stream())
                    .mapToInt(AtomicInteger::get)
                    .sum();
        }
    }
}
