package health.mediquo.webhooks.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A start with other API users than the last one records each grant, change and revocation of access; starting again
 * with the suite's users records the way back. Nothing is recorded when nothing changed.
 */
@ExtendWith(ArquillianExtension.class)
class AccessAuditIT {

    private static final String SUITE_USERS = "suite-users";
    private static final String OTHER_USERS = "other-users";

    @ArquillianResource
    Deployer server;

    @Deployment(name = SUITE_USERS, managed = false, testable = false)
    static WebArchive suiteUsers() {
        return ReceiverDeployment.packagedWar();
    }

    @Deployment(name = OTHER_USERS, managed = false, testable = false)
    static WebArchive otherUsers() {
        return ReceiverDeployment.packagedWarConfiguredWith(
                OTHER_USERS,
                Map.of(
                        "mediquo.api.users", "it-reader,it-admin,it-privacy",
                        "mediquo.api.user.it-reader.roles", "reports-reader,webhook-admin"));
    }

    @Test
    void everyChangeOfAccessBetweenTwoStartsIsRecorded() {
        server.deploy(SUITE_USERS);
        long before = lastSeq();
        server.undeploy(SUITE_USERS);

        server.deploy(OTHER_USERS);
        List<String> changed = changesAfter(before);
        long afterChange = lastSeq();
        server.undeploy(OTHER_USERS);

        server.deploy(SUITE_USERS);
        try {
            assertEquals(
                    List.of("access-changed it-reader roles=reports-reader,webhook-admin", "access-revoked it-mediquo"),
                    changed);
            assertEquals(
                    List.of(
                            "access-changed it-reader roles=reports-reader",
                            "access-granted it-mediquo roles=webhook-sender"),
                    changesAfter(afterChange));
        } finally {
            server.undeploy(SUITE_USERS);
        }
    }

    /** The chain's last position, from its head: entries of one start share their time, so no listing orders them. */
    private static long lastSeq() {
        return ReceiverDatabase.count("SELECT seq FROM audit_head WHERE id = 1");
    }

    /** The changes of access recorded after that position, oldest first, as "action user detail". */
    private static List<String> changesAfter(long seq) {
        return entries("api/audit?user=configuration&limit=200").stream()
                .filter(entry -> entry.getJsonNumber("seq").longValue() > seq)
                .map(entry -> (entry.getString("action") + " " + entry.getString("subject") + " "
                                + entry.getString("detail", ""))
                        .strip())
                .sorted()
                .toList();
    }

    private static List<JsonObject> entries(String path) {
        Answer answer = Receiver.get(path, ApiUser.PRIVACY);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }
}
