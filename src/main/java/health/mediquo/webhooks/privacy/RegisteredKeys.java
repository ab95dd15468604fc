package health.mediquo.webhooks.privacy;

/**
 * Keys the database keeps a record of ({@link KeyRegister}): each key registered with a check value that only that
 * key makes or opens, so that a wrong key is caught at startup, before it writes a single row.
 */
interface RegisteredKeys {

    String CHECK_TEXT = "mediquo-webhooks key check";

    KeyRing keys();

    /** The register of these keys: a table of id, check_value and registered_at. */
    String registerTable();

    /** A check value made with the current key. */
    String checkValue();

    /** Whether the configured key of this id is the one that made the check value. */
    boolean madeWith(String id, String checkValue);
}
