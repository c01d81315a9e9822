package io.mosaic.crm.sdk.http;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Handles one request. The returned value is written as the JSON body with status 200, unless it
 * is a {@link Reply}, which chooses status and headers itself. Throw an exception from
 * {@code io.mosaic.crm.sdk.error} to answer with an error.
 */
@ConsumerType
@FunctionalInterface
public interface Handler {

    Object handle(ApiRequest request) throws Exception;
}
