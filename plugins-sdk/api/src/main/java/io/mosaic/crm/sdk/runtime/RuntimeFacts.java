package io.mosaic.crm.sdk.runtime;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Live values a bundle reports about itself (thread pool sizes, pool usage...), collected under
 * {@link #name()} by {@code GET /api/platform/runtime}. Values must be JSON-friendly: numbers,
 * strings, booleans, lists and maps of them.
 */
@ConsumerType
public interface RuntimeFacts {

    /** The section name, e.g. {@code http} or {@code db}. */
    String name();

    /** The current values, read at the moment of the call. */
    Map<String, Object> facts();
}
