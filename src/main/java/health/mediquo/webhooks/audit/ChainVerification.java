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
 * place breaks its link. The entries must reach the chain's head, so the last ones cannot go unnoticed either; only
 * someone holding an audit key could rewrite the chain and its head consistently.
 */
@ApplicationScoped
public class ChainVerification {

    static final int BATCH_ENTRIES = 1_000;

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    AuditKeys keys;

    @Inject
    AuditTrail trail;

    /**
     * Up to the head as it is when the verification starts: entries appended meanwhile are left for the next one, and
     * an append commits its entries and the head together, so they never look like a break.
     */
    public ChainVerified verify() {
        AuditTrail.Head head = trail.head();
        long headSeq = head.seq();
        long expected = 1;
        String previousLink = "";
        for (List<AuditEntry> batch = after(0, headSeq); !batch.isEmpty(); batch = after(expected - 1, headSeq)) {
            for (AuditEntry entry : batch) {
                if (entry.seq() != expected) {
                    return missing(expected, entry.seq() - 1);
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
        if (expected <= headSeq) {
            return missing(expected, headSeq);
        }
        if (!previousLink.equals(head.link())) {
            return ChainVerified.brokenAt(
                    headSeq, headSeq, "the trail does not end with the link its head holds: entries replaced");
        }
        return ChainVerified.intact(headSeq);
    }

    private static ChainVerified missing(long first, long last) {
        return ChainVerified.brokenAt(first - 1, first, "entries %d to %d are missing: deleted".formatted(first, last));
    }

    private List<AuditEntry> after(long seq, long headSeq) {
        return entityManager
                .createQuery(
                        "SELECT e FROM AuditEntry e WHERE e.seq > :seq AND e.seq <= :head ORDER BY e.seq",
                        AuditEntry.class)
                .setParameter("seq", seq)
                .setParameter("head", headSeq)
                .setMaxResults(BATCH_ENTRIES)
                .getResultList();
    }
}
