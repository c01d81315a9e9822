package ${package};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The plugin's configuration, PID io.mosaic.crm.${moduleId}: edit config/io.mosaic.crm.${moduleId}.cfg
 * or PATCH /api/platform/config/io.mosaic.crm.${moduleId}; changes apply live.
 */
@ObjectClassDefinition(name = "${moduleName}", description = "Settings of the ${moduleName} plugin")
@interface PluginSettings {
    @AttributeDefinition(description = "How GET /api/${moduleId}/hello greets")
    String greeting() default "Hello";

    @AttributeDefinition(min = "1", max = "500", description = "Longest note text accepted")
    int maxNoteLength() default 500;
}
