package health.mediquo.webhooks.privacy;

import jakarta.inject.Inject;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;

/**
 * The entity listener of every {@link SealedRow}. An attribute converter cannot seal a value for its row (it sees the
 * value alone), a listener sees the whole entity. A column is opened only when its text is used: a list of reports
 * opens nothing.
 */
public class Sealing {

    @Inject
    FieldCipher cipher;

    @PrePersist
    void seal(SealedRow row) {
        row.sealWith(cipher);
    }

    @PostLoad
    void letOpen(SealedRow row) {
        row.openWith(cipher);
    }
}
