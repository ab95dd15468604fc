/**
 * The webhook endpoint: signature check, body limits, envelope parsing, the unit of work that records a delivery and
 * fires its event (or keeps an authentic but invalid one as rejected), the reprocess of rejected deliveries, and the
 * RFC 9457 problems every failure is turned into.
 */
package health.mediquo.webhooks.receiving;
