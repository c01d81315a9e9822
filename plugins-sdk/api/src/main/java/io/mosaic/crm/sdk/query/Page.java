package io.mosaic.crm.sdk.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list: {@code {"items":[...], "next":"<cursor>"}}. {@code next} is {@code null} on
 * the last page; otherwise pass it as {@code ?after=} to get the following page.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}
