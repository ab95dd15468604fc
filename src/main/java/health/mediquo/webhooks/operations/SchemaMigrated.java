package health.mediquo.webhooks.operations;

/**
 * Fired once per start, when the database has the schema this receiver knows: what works on the tables in the
 * background (timers) starts from here, never before.
 */
public record SchemaMigrated() {}
