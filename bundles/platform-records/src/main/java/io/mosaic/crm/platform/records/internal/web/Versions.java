package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.PreconditionRequiredException;
import io.mosaic.crm.sdk.http.ApiRequest;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Record versions as HTTP entity tags: {@code ETag: "3"}; {@code If-Match} may be {@code "3"}, {@code 3} or {@code W/"3"}. */
final class Versions {
    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?(\"?)([1-9][0-9]{0,9})\\1");

    private Versions() {}

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by {@code If-Match}; 428 when the header is missing. */
    static long required(ApiRequest request) {
        return optional(request).orElseThrow(PreconditionRequiredException::new);
    }

    /** The version named by {@code If-Match}, if the header is sent. */
    static OptionalLong optional(ApiRequest request) {
        Optional<String> header = request.header("If-Match").filter(value -> !value.isBlank());
        if (header.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher m = IF_MATCH.matcher(header.get().strip());
        if (!m.matches()) {
            throw new BadRequestException("invalid_if_match", "If-Match must name one version, e.g. If-Match: \"3\"");
        }
        return OptionalLong.of(Long.parseLong(m.group(2)));
    }
}
