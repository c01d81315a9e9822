package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The {@code after} cursor of the follow-up and timeline lists: the last item's time and id (and
 * the timeline's item order), base64url. Its values are bound parameters, so an edited cursor only
 * picks another starting point.
 */
record PageCursor(Instant at, int order, long id) {

    String encode() {
        String text = at + "|" + order + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new PageCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new BadRequestException("invalid_cursor", "the after cursor is not one this list gave");
        }
    }
}
