package health.mediquo.webhooks.privacy;

import java.util.List;
import java.util.stream.IntStream;

/** The columns of one table that hold sealed text (those of a {@link SealedRow}). */
record SealedColumns(String table, List<String> columns, FieldCipher cipher) implements KeyedColumns {

    @Override
    public RegisteredKeys keys() {
        return cipher;
    }

    @Override
    public String currentPrefix() {
        return cipher.currentPrefix();
    }

    @Override
    public List<String> remake(String rowId, List<String> row) {
        return IntStream.range(0, columns.size())
                .mapToObj(i -> reseal(row.get(i), new SealedPlace(table, columns.get(i), rowId)))
                .toList();
    }

    private String reseal(String stored, SealedPlace place) {
        if (stored == null || cipher.isCurrent(stored)) {
            return stored;
        }
        return cipher.seal(cipher.open(stored, place), place);
    }
}
