package health.mediquo.webhooks.privacy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Key rotation for operators (role {@code webhook-admin}): reseal every old row under the current key. */
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

    /**
     * Idempotent and safe to repeat after an interruption: each batch commits on its own. Several at once (on several
     * instances) share the rows between them. Once nothing is left under an older key, those keys are retired and may
     * be removed from the configuration.
     */
    @POST
    @Path("re-encrypt")
    public ReEncrypted reEncrypt() {
        Map<String, Long> resealed = new LinkedHashMap<>();
        for (SealedColumns sealed : SealedColumns.ALL) {
            long rows = 0;
            ReEncryption.Batch batch = reEncryption.resealBatch(sealed, ReEncryption.BEFORE_THE_FIRST_ROW);
            while (batch.lastId() != null) {
                rows += batch.rows();
                batch = reEncryption.resealBatch(sealed, batch.lastId());
            }
            resealed.put(sealed.table(), rows);
        }
        // Rows skipped because another re-encryption held them may still be outdated: that one retires the keys.
        boolean done = SealedColumns.ALL.stream().allMatch(reEncryption::isDone);
        List<String> retired = done ? register.retireAllButCurrent() : List.of();
        LOG.info(() -> "Re-encryption under key '%s': rows resealed %s, keys retired %s"
                .formatted(cipher.currentKeyId(), resealed, retired));
        return new ReEncrypted(cipher.currentKeyId(), resealed, retired);
    }
}
