package health.mediquo.webhooks.inbox;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The problem a rejected delivery was answered with (RFC 9457 members): it names a field and a rule, never a value.
 *
 * @param type the problem's URN, as in the answer
 * @param field the JSON field it is about, if any
 */
@JsonbPropertyOrder({"type", "field", "detail"})
public record DeliveryProblem(String type, String field, String detail) {}
