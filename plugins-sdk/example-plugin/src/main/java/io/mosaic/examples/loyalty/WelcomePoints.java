package io.mosaic.examples.loyalty;

import io.mosaic.crm.sdk.event.CrmEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the customers module: every new account gets the configured welcome points, once
 * (a repeated event awards nothing). EventAdmin delivers the event after the account's
 * transaction committed, on its own thread.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=" + WelcomePoints.TOPIC)
public final class WelcomePoints implements EventHandler {
    /** {@code CrmEvents.topic("customers", "Account", EventKind.CREATED)}, as a constant for the annotation. */
    static final String TOPIC = "io/mosaic/crm/customers/Account/CREATED";
    private static final Logger LOG = LoggerFactory.getLogger(WelcomePoints.class);
    private final Loyalty loyalty;

    @Activate
    public WelcomePoints(@Reference Loyalty loyalty) {
        this.loyalty = loyalty;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(CrmEvents.ID) instanceof Long accountId)) {
            LOG.warn("Ignoring {} without a numeric {}", event.getTopic(), CrmEvents.ID);
            return;
        }
        long userId = event.getProperty(CrmEvents.USER_ID) instanceof Long id ? id : 0L;
        try {
            loyalty.welcome(accountId, userId)
                    .ifPresent(e -> LOG.debug("Welcomed account {} with {} points", accountId, e.points()));
        } catch (RuntimeException e) {
            LOG.error("Could not award welcome points to account {}", accountId, e);
        }
    }
}
