package health.mediquo.webhooks.privacy;

import java.util.List;

/**
 * Columns of one table whose values begin with the id of the key that made them, and how a row's values are made
 * again under the current key: what {@link ReEncryption} needs to move a table to that key.
 */
interface KeyedColumns {

    String table();

    /** What a re-encryption counts the rows remade under: the table's name, unless it remakes two kinds of value. */
    default String name() {
        return table();
    }

    /** The keyed columns: a row is outdated while one of them holds a value made with another key. */
    List<String> columns();

    /** The columns read to remake a row: the keyed columns, then any others the remaking needs. */
    default List<String> read() {
        return columns();
    }

    /** The keys that made the values, and make them anew. */
    RegisteredKeys keys();

    /** How a value made with the current key, in its current form, begins. */
    String currentPrefix();

    /**
     * The keyed columns' values made under the current key, from a row's values in the order of {@link #read()}.
     */
    List<String> remake(String rowId, List<String> row);
}
