package health.mediquo.webhooks.notifications;

/** A notification was written to the outbox; it may be published once its transaction commits. */
record NotificationRecorded(String notificationId) {}
