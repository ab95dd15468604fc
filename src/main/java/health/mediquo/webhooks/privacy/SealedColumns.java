package health.mediquo.webhooks.privacy;

import java.util.List;

/** The columns of one table that hold sealed text (the attributes converted by {@link SealedText}). */
record SealedColumns(String table, List<String> columns, FieldCipher cipher) implements KeyedColumns {

    @Override
    public RegisteredKeys keys() {
        return cipher;
    }

    @Override
    public List<String> remake(List<String> row) {
        return row.stream().map(this::reseal).toList();
    }

    private String reseal(String stored) {
        if (stored == null || cipher.isUnderCurrentKey(stored)) {
            return stored;
        }
        return cipher.seal(cipher.open(stored));
    }
}
