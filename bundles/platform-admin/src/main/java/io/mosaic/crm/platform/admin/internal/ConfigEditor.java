package io.mosaic.crm.platform.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.platform.tuning.api.AttributeValues;
import io.mosaic.crm.platform.tuning.api.ChangeRecorder;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and changes configurations through ConfigAdmin, validated against their Metatype
 * descriptions. ConfigAdmin hands the change to the component at once ({@code @Modified}); FileInstall
 * writes it back to {@code config/<pid>.cfg}, so it survives a restart.
 */
final class ConfigEditor {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigEditor.class);
    private static final Pattern PID = Pattern.compile("[A-Za-z0-9_.~-]{1,200}");
    private static final String SECRET_MASK = "********";

    private final ConfigurationAdmin configAdmin;
    private final Descriptions descriptions;
    private final Supplier<ChangeRecorder> recorder;

    /** @param recorder platform-tuning's change history, or null while it is not running */
    ConfigEditor(ConfigurationAdmin configAdmin, Descriptions descriptions, Supplier<ChangeRecorder> recorder) {
        this.configAdmin = configAdmin;
        this.descriptions = descriptions;
        this.recorder = recorder;
    }

    /** The editable PIDs (those with a Metatype description) and their current values. */
    List<ConfigView> list() {
        List<ConfigView> views = new ArrayList<>();
        for (String pid : descriptions.pids()) {
            views.add(get(pid));
        }
        for (String factoryPid : descriptions.factoryPids()) {
            for (Configuration config : configurations("(service.factoryPid=" + factoryPid + ")")) {
                views.add(get(config.getPid()));
            }
        }
        return views;
    }

    /** {@code a.b} of a named factory configuration {@code a.b~name}, else {@code null}. */
    static String factoryPid(String pid) {
        int tilde = pid.indexOf('~');
        return tilde > 0 ? pid.substring(0, tilde) : null;
    }

    ConfigView get(String pid) {
        Map<String, AttributeDefinition> attributes = describe(pid);
        Dictionary<String, Object> current = current(pid);
        Map<String, Object> values = new TreeMap<>();
        for (AttributeDefinition ad : attributes.values()) {
            Object value = current == null ? null : current.get(ad.getID());
            if (value == null && ad.getDefaultValue() != null && ad.getDefaultValue().length > 0) {
                value = ad.getDefaultValue()[0];
            }
            values.put(ad.getID(), ad.getType() == AttributeDefinition.PASSWORD && value != null && !"".equals(value)
                    ? SECRET_MASK : value);
        }
        String file = current == null ? null : (String) current.get("felix.fileinstall.filename");
        return new ConfigView(pid, descriptions.name(pid), values, file);
    }

    ConfigView update(String pid, JsonNode changes, String user) {
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            throw new BadRequestException("invalid_body", "send a JSON object of key: value pairs to change");
        }
        Map<String, AttributeDefinition> attributes = describe(pid);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> accepted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            var entry = it.next();
            AttributeDefinition ad = attributes.get(entry.getKey());
            if (ad == null) {
                problems.add(new FieldProblem(entry.getKey(), "unknown_key"));
                continue;
            }
            String problem = AttributeValues.check(ad, entry.getValue());
            if (problem != null) {
                problems.add(new FieldProblem(entry.getKey(), problem));
            } else {
                accepted.put(entry.getKey(), entry.getValue().asText());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ChangeRecorder history = recorder.get();
        if (history != null) { // stores the values and records them in the tuning history, both or neither
            history.apply(user, pid, accepted, "PATCH /api/platform/config/" + pid);
            return get(pid);
        }
        try {
            String factoryPid = factoryPid(pid);
            Configuration config = factoryPid == null ? configAdmin.getConfiguration(pid, "?")
                    : configAdmin.getFactoryConfiguration(factoryPid, pid.substring(factoryPid.length() + 1), "?");
            Dictionary<String, Object> props = config.getProperties();
            if (props == null) {
                props = new Hashtable<>();
            }
            for (var e : accepted.entrySet()) {
                props.put(e.getKey(), e.getValue());
            }
            config.update(props);
            LOG.info("configuration {} changed by {}: {}", pid, user, accepted.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store configuration " + pid, e);
        }
        return get(pid);
    }

    private Map<String, AttributeDefinition> describe(String pid) {
        if (!PID.matcher(pid).matches()) {
            throw new BadRequestException("invalid_pid", "not a configuration PID: " + pid);
        }
        return descriptions.attributes(pid).orElseThrow(() -> new NotFoundException("configuration", pid));
    }

    private Dictionary<String, Object> current(String pid) {
        Configuration[] configs = configurations("(service.pid=" + pid + ")");
        return configs.length == 0 ? null : configs[0].getProperties();
    }

    private Configuration[] configurations(String filter) {
        try {
            Configuration[] configs = configAdmin.listConfigurations(filter);
            return configs == null ? new Configuration[0] : configs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSyntaxException e) {
            throw new BadRequestException("invalid_pid", "not a configuration PID: " + filter);
        }
    }
}
