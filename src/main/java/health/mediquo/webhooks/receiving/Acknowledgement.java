package health.mediquo.webhooks.receiving;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Locale;

/** The body of a 2xx answer to MediQuo. */
@JsonbPropertyOrder({"status", "deliveryId"})
public record Acknowledgement(
        String status, @JsonbProperty("delivery_id") String deliveryId) {

    static Acknowledgement of(Receipt receipt) {
        return new Acknowledgement(
                receipt.outcome().name().toLowerCase(Locale.ROOT),
                receipt.delivery().toString());
    }
}
