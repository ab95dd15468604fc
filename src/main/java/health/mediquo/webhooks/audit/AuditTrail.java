package health.mediquo.webhooks.audit;

import health.mediquo.webhooks.api.Cursor;
import health.mediquo.webhooks.api.NewestFirst;
import health.mediquo.webhooks.api.Page;
import health.mediquo.webhooks.api.TimeRange;
import health.mediquo.webhooks.inbox.TimeOrderedIds;
import health.mediquo.webhooks.privacy.AuditKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail: entries appended one at a time, each linked to the one before it. Appending joins the caller's
 * transaction, so an entry commits with what it records, or opens its own.
 */
@ApplicationScoped
public class AuditTrail {

    private static final NewestFirst<AuditEntry> NEWEST_FIRST = new NewestFirst<>(
            AuditEntry.class,
            "recordedAt",
            entry -> new Cursor(entry.recordedAt().toInstant(), entry.id()));

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    AuditKeys keys;

    /** The chain's last position and link, locked until the transaction ends: appends on every instance wait. */
    @Transactional
    public Head lockHead() {
        return head(" FOR UPDATE");
    }

    /** The chain's last position and link, as committed. */
    public Head head() {
        return head("");
    }

    private Head head(String lock) {
        Object[] head = (Object[]) entityManager
                .createNativeQuery("SELECT seq, chain_link FROM audit_head WHERE id = 1" + lock)
                .getSingleResult();
        return new Head(((Number) head[0]).longValue(), (String) head[1]);
    }

    record Head(long seq, String link) {}

    /** Appends the records in order; nothing to append takes no lock. */
    @Transactional
    public void append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Head head = lockHead();
        long seq = head.seq();
        String link = head.link();
        for (AuditRecord record : records) {
            seq++;
            String patientDigest = record.patientCode() == null ? null : keys.patientDigest(record.patientCode());
            AuditEntry entry = new AuditEntry(TimeOrderedIds.next().toString(), seq, record, patientDigest);
            link = keys.link(link, entry.content());
            entry.linkWith(link);
            entityManager.persist(entry);
        }
        entityManager
                .createNativeQuery("UPDATE audit_head SET seq = ?1, chain_link = ?2 WHERE id = 1")
                .setParameter(1, seq)
                .setParameter(2, link)
                .executeUpdate();
    }

    @Transactional
    public void append(AuditRecord record) {
        append(List.of(record));
    }

    /** The entries newest first, each filter null for all: the patient is found by its digest under every key. */
    public Page<AuditItem> entries(
            String user, String action, String patientCode, TimeRange recorded, Cursor after, int limit) {
        return NEWEST_FIRST.page(
                entityManager,
                (builder, entry) -> {
                    List<Predicate> conditions = new ArrayList<>(recorded.within(builder, entry.get("recordedAt")));
                    if (user != null) {
                        conditions.add(builder.equal(entry.get("userName"), user));
                    }
                    if (action != null) {
                        conditions.add(builder.equal(entry.get("action"), action));
                    }
                    if (patientCode != null) {
                        conditions.add(entry.get("patientDigest").in(keys.patientDigests(patientCode)));
                    }
                    return conditions;
                },
                after,
                limit,
                AuditItem::of);
    }
}
