package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The Metatype description of one PID in a form a UI can render: each attribute's type, cardinality,
 * options, default and range. The Metatype API has no getter for ranges, so they are read from the
 * bundle's own {@code OSGI-INF/metatype} XML ({@link MetatypeRanges}).
 */
final class ConfigSchema {
    private static final Pattern PID = Pattern.compile("[A-Za-z0-9_.~-]{1,200}");

    /** One form field. {@code min}/{@code max} are text as Metatype gives them, or null. */
    record Field(String id, String name, String description, String type, int cardinality, List<Option> options,
            List<String> defaultValue, String min, String max, boolean required) {}

    record Option(String value, String label) {}

    record Schema(String pid, String name, String description, List<Field> attributes) {}

    private final BundleContext context;
    private final MetaTypeService metaType;

    ConfigSchema(BundleContext context, MetaTypeService metaType) {
        this.context = context;
        this.metaType = metaType;
    }

    Schema describe(String pid) {
        if (!PID.matcher(pid).matches()) {
            throw new BadRequestException("invalid_pid", "not a configuration PID: " + pid);
        }
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
            if (info != null && Arrays.asList(info.getPids()).contains(pid)) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null) {
                    return schema(pid, ocd, MetatypeRanges.of(bundle, pid));
                }
            }
        }
        throw new NotFoundException("configuration", pid);
    }

    private static Schema schema(String pid, ObjectClassDefinition ocd, Map<String, String[]> ranges) {
        List<Field> fields = new ArrayList<>();
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        AttributeDefinition[] required = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        List<String> requiredIds = required == null ? List.of() : Arrays.stream(required).map(AttributeDefinition::getID).toList();
        for (AttributeDefinition ad : ads == null ? new AttributeDefinition[0] : ads) {
            List<Option> options = new ArrayList<>();
            String[] values = ad.getOptionValues();
            String[] labels = ad.getOptionLabels();
            for (int i = 0; values != null && i < values.length; i++) {
                options.add(new Option(values[i], labels != null && i < labels.length ? labels[i] : values[i]));
            }
            String[] range = ranges.getOrDefault(ad.getID(), new String[2]);
            fields.add(new Field(ad.getID(), ad.getName(), ad.getDescription(), typeName(ad.getType()), ad.getCardinality(),
                    options, ad.getDefaultValue() == null ? List.of() : List.of(ad.getDefaultValue()), range[0], range[1],
                    requiredIds.contains(ad.getID())));
        }
        return new Schema(pid, ocd.getName(), ocd.getDescription(), fields);
    }

    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> "integer";
            case AttributeDefinition.LONG -> "long";
            case AttributeDefinition.SHORT -> "short";
            case AttributeDefinition.BYTE -> "byte";
            case AttributeDefinition.DOUBLE -> "double";
            case AttributeDefinition.FLOAT -> "float";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.PASSWORD -> "password";
            case AttributeDefinition.CHARACTER -> "char";
            default -> "string";
        };
    }
}
