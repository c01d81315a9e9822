package io.mosaic.examples.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.event.CrmEvents;
import io.mosaic.crm.sdk.event.EventKind;
import org.junit.jupiter.api.Test;

class WelcomePointsTest {

    @Test
    void listens_to_the_topic_the_customers_module_posts_for_new_accounts() {
        assertThat(WelcomePoints.TOPIC).isEqualTo(CrmEvents.topic("customers", "Account", EventKind.CREATED));
    }
}
