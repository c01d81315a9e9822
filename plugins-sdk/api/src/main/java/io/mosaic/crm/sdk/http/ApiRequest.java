package io.mosaic.crm.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.sdk.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The request as a route handler sees it, already authenticated and authorized. */
@ProviderType
public interface ApiRequest {

    String method();

    /** The full request path, e.g. {@code /api/customers/accounts/17}. */
    String path();

    /** A path parameter as text; present whenever the route pattern names it. */
    String pathParam(String name);

    /**
     * A path parameter that must be a positive decimal id, parsed exactly: {@code 17abc} and
     * {@code 017} are rejected with a {@code 400 invalid_id} error.
     */
    long idParam(String name);

    /** The first value of a query parameter. */
    Optional<String> query(String name);

    /** All query parameters in the order they were given. */
    Map<String, List<String>> queryParams();

    /** A request header, case-insensitive. */
    Optional<String> header(String name);

    /**
     * The JSON body bound strictly to {@code type}: malformed JSON is a 400, a wrong type for a
     * field, an unknown field or a duplicate key is a 422 with the field named.
     */
    <T> T body(Class<T> type);

    /** The JSON body as a tree, parsed strictly (no trailing content, no duplicate keys). */
    JsonNode bodyTree();

    /**
     * The raw body of a route declared with {@link Route#streamedBody}, read as it arrives; such
     * routes have no {@link #bodyTree}. Reading it is subject to the platform's body deadline.
     *
     * @since 1.4
     */
    default java.io.InputStream bodyStream() {
        throw new UnsupportedOperationException("the route does not declare a streamed body");
    }

    /** The address of the connection's peer (a reverse proxy, if there is one). */
    default String remoteAddress() {
        return "unknown";
    }

    /** Whether the connection is TLS. */
    default boolean secure() {
        return false;
    }

    /** Who is calling. */
    Principal principal();

    /**
     * Present while the platform serves this POST for an {@code Idempotency-Key}: the handler may store
     * its reply in its own write transaction (see {@link IdempotentReply}).
     *
     * @since 1.3
     */
    default Optional<IdempotentReply> idempotentReply() {
        return Optional.empty();
    }
}
