/**
 * Receiver for the webhooks of the MediQuo SDK API: authenticates each delivery, keeps it in the inbox, turns it into
 * a CDI event of its type, archives the clinical report it carries and notifies the estate over JMS.
 */
package health.mediquo.webhooks;
