package io.mosaic.crm.sdk.record;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The record types a module serves. Register it as a service together with the module's
 * {@link io.mosaic.crm.sdk.http.Endpoint} (the same component, so both come and go at once): while
 * it is registered the types are in {@code /api/metadata}, and other types may reference them.
 */
@ConsumerType
public interface RecordModule {

    List<RecordType> recordTypes();
}
