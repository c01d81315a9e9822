package io.mosaic.crm.customers.internal.common;

import org.osgi.service.event.Event;

/** Where committed changes are announced: EventAdmin at run time, a list in tests, or nowhere. */
@FunctionalInterface
public interface EventSink {
    EventSink NONE = event -> { };

    void post(Event event);
}
