package io.mosaic.crm.customers.internal.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.event.Event;

/** Keeps the posted events, as "topic id" lines, for assertions. */
public final class RecordingEvents implements EventSink {
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void post(Event event) {
        events.add(event);
    }

    /** Each event as {@code <topic> <id> by <userId>}. */
    public List<String> lines() {
        return events.stream().map(e -> e.getTopic() + " " + e.getProperty("id") + " by " + e.getProperty("userId")).toList();
    }

    public void clear() {
        events.clear();
    }
}
