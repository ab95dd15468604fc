package health.mediquo.webhooks.privacy;

/**
 * An entity with sealed columns ({@link Sealing}): it holds its clear text only in memory, its columns only
 * ciphertext bound to their place.
 */
public interface SealedRow {

    /** Before the row is first written: seal the clear text into the columns. */
    void sealWith(FieldCipher cipher);

    /** After the row is read: keep the cipher, to open a column when its text is asked for. */
    void openWith(FieldCipher cipher);
}
