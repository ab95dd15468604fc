/**
 * Every delivery MediQuo made, kept verbatim with the digest of its body: the system of record, and what makes a
 * repeated delivery harmless.
 */
package health.mediquo.webhooks.inbox;
