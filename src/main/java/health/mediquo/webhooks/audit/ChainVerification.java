package health.mediquo.webhooks.audit;

import health.mediquo.webhooks.privacy.AuditKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Walks the audit trail from its first entry and checks that each is at the next position and that its link is the
 * one its content and the previous link make: an entry deleted leaves a gap, an entry edited or put in another's
 * place breaks its link. The chain's head must end where the entries do, so the last entries cannot go unnoticed
 * either; only someone holding an audit key could rewrite the chain and its head consistently.
 */
@ApplicationScoped
public class ChainVerification {

    static final int BATCH_ENTRIES = 1_000;

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    AuditKeys keys;

    public ChainVerified verify() {
        long expected = 1;
        String previousLink = "";
        for (List<AuditEntry> batch = after(0); !batch.isEmpty(); batch = after(expected - 1)) {
            for (AuditEntry entry : batch) {
                if (entry.seq() != expected) {
                    return ChainVerified.brokenAt(
                            expected - 1,
                            expected,
                            "entries %d to %d are missing: deleted".formatted(expected, entry.seq() - 1));
                }
                if (!keys.linkHolds(entry.chainLink(), previousLink, entry.content())) {
                    return ChainVerified.brokenAt(
                            expected - 1,
                            expected,
                            "entry %d does not match its link: altered, or not made by this receiver"
                                    .formatted(expected));
                }
                previousLink = entry.chainLink();
                expected++;
            }
        }
        long entries = expected - 1;
        Object[] head = (Object[]) entityManager
                .createNativeQuery("SELECT seq, chain_link FROM audit_head WHERE id = 1")
                .getSingleResult();
        long headSeq = ((Number) head[0]).longValue();
        if (headSeq > entries) {
            return ChainVerified.brokenAt(
                    entries, entries + 1, "entries %d to %d are missing: deleted".formatted(entries + 1, headSeq));
        }
        if (headSeq < entries || !previousLink.equals(head[1])) {
            return ChainVerified.brokenAt(
                    headSeq, headSeq + 1, "the trail does not end where its head says: entries added or replaced");
        }
        return ChainVerified.intact(entries);
    }

    private List<AuditEntry> after(long seq) {
        return entityManager
                .createQuery("SELECT e FROM AuditEntry e WHERE e.seq > :seq ORDER BY e.seq", AuditEntry.class)
                .setParameter("seq", seq)
                .setMaxResults(BATCH_ENTRIES)
                .getResultList();
    }
}
