package health.mediquo.webhooks.privacy;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;

/**
 * Fails the deployment, right after the schema migration, when the data, digest or audit keys are missing, malformed
 * or wrong: the receiver must not acknowledge a delivery it cannot store sealed or recognise when sent again, serve
 * reports it cannot open, nor extend an audit trail it could not verify.
 */
@ApplicationScoped
public class KeyVerification {

    @Inject
    KeyRegister register;

    @Inject
    FieldCipher cipher;

    @Inject
    KeyedDigests digests;

    @Inject
    AuditKeys audit;

    void verifyKeys(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) @Initialized(ApplicationScoped.class)
                    Object applicationStarting) {
        verify(cipher);
        verify(digests);
        verify(audit);
    }

    private void verify(RegisteredKeys keys) {
        try {
            register.verify(keys);
        } catch (PersistenceException | TransactionalException concurrentRegistration) {
            // Another instance, starting on the same database at the same moment, registered the key first.
            register.verify(keys);
        }
    }
}
