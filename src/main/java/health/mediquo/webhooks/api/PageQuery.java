package health.mediquo.webhooks.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The query parameters every list of the read API takes: a time range, a cursor and a page size. */
public class PageQuery {

    @QueryParam("since")
    String since;

    @QueryParam("until")
    String until;

    @QueryParam("cursor")
    String cursor;

    @QueryParam("limit")
    @DefaultValue("50")
    int limit;

    public TimeRange timeRange() {
        return TimeRange.parse(since, until);
    }

    public Cursor cursor() {
        return Cursor.parse(cursor);
    }

    public int limit() {
        return limit;
    }
}
