package io.mosaic.crm.platform.tuning.internal.catalogue;

import io.mosaic.crm.platform.tuning.internal.change.ConfigStore;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * Every live-tunable parameter: each attribute of each PID with a Metatype description, with its
 * range, options, current value, unit and when a change takes effect. Secrets are left out: they
 * are credentials, not tuning parameters, and their values are never shown.
 */
public final class Catalogue {
    private final Descriptions descriptions;
    private final ConfigStore store;

    public Catalogue(Descriptions descriptions, ConfigStore store) {
        this.descriptions = descriptions;
        this.store = store;
    }

    public List<Parameter> parameters(Optional<String> onlyPid) {
        List<Parameter> parameters = new ArrayList<>();
        for (Descriptions.Described described : descriptions.all()) {
            if (onlyPid.isPresent() && !onlyPid.get().equals(described.pid())) {
                continue;
            }
            Dictionary<String, Object> props = store.properties(described.pid());
            for (AttributeDefinition ad : described.attributes().values()) {
                if (ad.getType() == AttributeDefinition.PASSWORD) {
                    continue;
                }
                parameters.add(parameter(described, ad, props.get(ad.getID())));
            }
        }
        return parameters;
    }

    /** The current value of a parameter, typed as its attribute says (the default when unset). */
    public static Object current(AttributeDefinition ad, Object stored) {
        Object value = stored != null ? stored : defaultOf(ad);
        return typed(ad, value);
    }

    private static Parameter parameter(Descriptions.Described described, AttributeDefinition ad, Object stored) {
        String[] range = described.ranges().getOrDefault(ad.getID(), new String[2]);
        List<Parameter.Option> options = new ArrayList<>();
        String[] values = ad.getOptionValues();
        String[] labels = ad.getOptionLabels();
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                options.add(new Parameter.Option(values[i], labels != null && i < labels.length ? labels[i] : values[i]));
            }
        }
        Applies applies = Applies.of(described.pid(), described.factoryPid(), ad.getID());
        return new Parameter(described.pid(), described.ocd().getName(), ad.getID(), Validation.typeName(ad),
                range[0], range[1], options, current(ad, stored), typed(ad, defaultOf(ad)), Applies.unit(ad.getID()),
                ad.getDescription(), applies.when(), applies.why());
    }

    private static Object defaultOf(AttributeDefinition ad) {
        String[] defaults = ad.getDefaultValue();
        return defaults == null || defaults.length == 0 ? null : defaults[0];
    }

    private static Object typed(AttributeDefinition ad, Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        try {
            return switch (ad.getType()) {
                case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE,
                        AttributeDefinition.LONG -> Long.parseLong(text);
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> Double.parseDouble(text);
                case AttributeDefinition.BOOLEAN -> Boolean.parseBoolean(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
