package io.mosaic.crm.testing.faulty;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A component that fails in its activate method; Declarative Services logs it and goes on. */
@Component(immediate = true, service = {})
public final class ExplodingComponent {

    @Activate
    public ExplodingComponent() {
        throw new IllegalStateException("the faulty plugin's component refuses to activate");
    }
}
