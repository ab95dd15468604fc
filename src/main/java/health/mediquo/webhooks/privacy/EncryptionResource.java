package health.mediquo.webhooks.privacy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Key rotation for operators (role {@code webhook-admin}): reseal every old row under the current data key, and digest
 * every body again under the current digest key.
 */
@Path("api/encryption")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EncryptionResource {

    private static final Logger LOG = Logger.getLogger(EncryptionResource.class.getName());

    @Inject
    ReEncryption reEncryption;

    @Inject
    KeyRegister register;

    @Inject
    FieldCipher cipher;

    @Inject
    KeyedDigests digests;

    @Inject
    Event<ReEncryptionRun> runs;

    @Context
    SecurityContext security;

    /**
     * Idempotent and safe to repeat after an interruption: each batch commits on its own. Several at once (on several
     * instances) share the rows between them. Once nothing is left under an older key, those keys are retired and may
     * be removed from the configuration.
     */
    @POST
    @Path("re-encrypt")
    public ReEncrypted reEncrypt() {
        List<KeyedColumns> sealed = reEncryption.sealedColumns();
        Map<String, Long> resealed = new LinkedHashMap<>();
        for (KeyedColumns columns : sealed) {
            resealed.put(columns.table(), remakeAll(columns));
        }
        KeyedColumns digested = reEncryption.digestedBodies();
        long redigested = remakeAll(digested);
        ReEncrypted done = new ReEncrypted(
                cipher.currentKeyId(),
                resealed,
                retireWhenDone(sealed),
                digests.currentKeyId(),
                redigested,
                retireWhenDone(List.of(digested)));
        LOG.info(() ->
                "Re-encryption under data key '%s' and digest key '%s': rows resealed %s, bodies digested again %d,"
                                .formatted(done.currentKey(), done.currentDigestKey(), resealed, redigested)
                        + " keys retired %s and %s".formatted(done.retiredKeys(), done.retiredDigestKeys()));
        runs.fire(new ReEncryptionRun(security.getUserPrincipal().getName(), done, Instant.now()));
        return done;
    }

    private long remakeAll(KeyedColumns columns) {
        long rows = 0;
        ReEncryption.Batch batch = reEncryption.remakeBatch(columns, ReEncryption.BEFORE_THE_FIRST_ROW);
        while (batch.lastId() != null) {
            rows += batch.rows();
            batch = reEncryption.remakeBatch(columns, batch.lastId());
        }
        return rows;
    }

    /** Rows skipped because another re-encryption held them may still be outdated: that one retires the keys. */
    private List<String> retireWhenDone(List<KeyedColumns> columns) {
        return columns.stream().allMatch(reEncryption::isDone)
                ? register.retireAllButCurrent(columns.get(0).keys())
                : List.of();
    }
}
