package health.mediquo.webhooks.privacy;

import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps a text attribute to its sealed form in the database: entities hold clear text, columns only ciphertext. */
@Converter
public class SealedText implements AttributeConverter<String, String> {

    @Inject
    FieldCipher cipher;

    @Override
    public String convertToDatabaseColumn(String text) {
        return text == null ? null : cipher.seal(text);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : cipher.open(stored);
    }
}
