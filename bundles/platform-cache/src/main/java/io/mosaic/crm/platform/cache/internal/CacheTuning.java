package io.mosaic.crm.platform.cache.internal;

import java.time.Duration;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator configuration {@code io.mosaic.crm.cache~<name>}: overrides the declared size and
 * time-to-live of cache {@code <name>} with the keys it sets, live. Deleting the configuration
 * restores the module's defaults.
 */
@Designate(ocd = CacheSettings.class, factory = true)
@Component(service = {}, configurationPid = "io.mosaic.crm.cache", configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class CacheTuning {
    private static final Logger LOG = LoggerFactory.getLogger(CacheTuning.class);
    private final CacheHouse house;
    private String name;

    @Activate
    public CacheTuning(@Reference CacheHouse house, Map<String, Object> properties) {
        this.house = house;
        apply(properties);
    }

    @Modified
    void apply(Map<String, Object> properties) {
        String next = nameOf(properties);
        if (name != null && !name.equals(next)) {
            house.override(name, null);
        }
        name = next;
        Long heapEntries = number(properties, "heapEntries", 1);
        Long ttlSeconds = number(properties, "ttlSeconds", 0);
        house.override(name, new Sizing.Overrides(heapEntries, ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds)));
    }

    @Deactivate
    void clear() {
        house.override(name, null);
    }

    static String nameOf(Map<String, Object> properties) {
        Object name = properties.get("name");
        if (name != null && !name.toString().isBlank()) {
            return name.toString().trim();
        }
        String pid = String.valueOf(properties.get("service.pid"));
        return pid.substring(pid.indexOf('~') + 1);
    }

    /**
     * A whole number of at least {@code min} from a configuration value (FileInstall gives text, the
     * admin API may give numbers), or {@code null} (keep the module's default) if absent or invalid.
     */
    static Long number(Map<String, Object> properties, String key, long min) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(value.toString().trim().replace("\"", ""));
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("cache configuration {}: {} = {} is not a whole number >= {}; keeping the default",
                properties.get("service.pid"), key, value, min);
        return null;
    }
}
