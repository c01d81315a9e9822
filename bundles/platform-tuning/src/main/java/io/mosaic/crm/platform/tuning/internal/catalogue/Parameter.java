package io.mosaic.crm.platform.tuning.internal.catalogue;

import java.util.List;

/**
 * One live-tunable parameter as the catalogue shows it.
 *
 * @param type integer, long, double, boolean or string
 * @param applies {@code immediate} or {@code lazy}; {@code appliesWhy} says why
 */
public record Parameter(String pid, String name, String key, String type, String min, String max,
        List<Option> options, Object current, Object defaultValue, String unit, String description,
        String applies, String appliesWhy) {

    /** An allowed value and its label. */
    public record Option(String value, String label) {}
}
