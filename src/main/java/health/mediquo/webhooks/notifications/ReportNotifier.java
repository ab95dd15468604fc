package health.mediquo.webhooks.notifications;

import health.mediquo.webhooks.reports.ReportArchived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Records, in the delivery's transaction, the notification that a report was archived. */
@ApplicationScoped
public class ReportNotifier {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Outbox outbox;

    void notifyArchived(@Observes ReportArchived archived) {
        outbox.add(Notification.about(archived.delivery(), JSON.toJson(ReportNotice.of(archived))));
    }
}
