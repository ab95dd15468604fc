package health.mediquo.webhooks.privacy;

/**
 * Where a sealed value lives: its table, column and row. Sealed values are bound to their place, so that a value
 * copied or moved elsewhere in the database does not open there.
 */
public record SealedPlace(String table, String column, String rowId) {

    @Override
    public String toString() {
        return table + "." + column + " of row " + rowId;
    }
}
