package health.mediquo.webhooks.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One page of results, newest first.
 *
 * @param nextCursor pass it as {@code cursor} to get the next page; absent on the last page
 */
@JsonbPropertyOrder({"items", "nextCursor"})
public record Page<T>(
        List<T> items, @JsonbProperty("next_cursor") String nextCursor) {}
