/**
 * The clinical reports MediQuo sends about patients: confidential health data, archived through JPA and announced
 * (without their text) to the notifications.
 */
package health.mediquo.webhooks.reports;
