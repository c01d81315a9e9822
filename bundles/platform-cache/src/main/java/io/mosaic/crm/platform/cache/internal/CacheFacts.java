package io.mosaic.crm.platform.cache.internal;

import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code cache} section of {@code GET /api/platform/runtime}: every cache's statistics by name. */
@Component(service = RuntimeFacts.class)
public final class CacheFacts implements RuntimeFacts {
    private final CacheHouse house;

    @Activate
    public CacheFacts(@Reference CacheHouse house) {
        this.house = house;
    }

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (CacheStats stats : house.stats()) {
            facts.put(stats.name(), stats.toMap());
        }
        return facts;
    }
}
