package io.mosaic.crm.platform.tuning.internal.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Reads and writes configurations through ConfigAdmin. Values are written as text, like
 * {@code config/*.cfg} holds them; ConfigAdmin hands them to the component's {@code @Modified}
 * and FileInstall writes them back to the file the configuration came from.
 */
public final class ConfigStore {
    /** The PID syntax we accept (also keeps LDAP filters built from it safe). */
    public static final Pattern PID = Pattern.compile("[A-Za-z0-9_.~-]{1,200}");

    private final ConfigurationAdmin configAdmin;

    public ConfigStore(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** The stored properties of {@code pid}; empty when it has no configuration yet. */
    public Dictionary<String, Object> properties(String pid) {
        Configuration config = existing(pid);
        Dictionary<String, Object> props = config == null ? null : config.getProperties();
        return props == null ? new Hashtable<>() : props;
    }

    /** The value of one key as text, or null when it is not set. */
    public String text(String pid, String key) {
        Object value = properties(pid).get(key);
        return value == null ? null : String.valueOf(value);
    }

    /**
     * Sets the given keys (a null value removes the key, so its default applies).
     *
     * @return the properties before the change, for {@link #restore}
     */
    public Dictionary<String, Object> set(String pid, Map<String, String> values) {
        try {
            Configuration config = existingOrNew(pid);
            Dictionary<String, Object> before = config.getProperties();
            Dictionary<String, Object> next = copy(before);
            values.forEach((key, value) -> {
                if (value == null) {
                    next.remove(key);
                } else {
                    next.put(key, value);
                }
            });
            config.update(next);
            return before == null ? new Hashtable<>() : copy(before);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store configuration " + pid, e);
        }
    }

    /** Puts back properties returned by {@link #set}. */
    public void restore(String pid, Dictionary<String, Object> before) {
        try {
            existingOrNew(pid).update(copy(before));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore configuration " + pid, e);
        }
    }

    private Configuration existingOrNew(String pid) throws IOException {
        Configuration config = existing(pid);
        if (config != null) {
            return config;
        }
        int tilde = pid.indexOf('~'); // a named factory configuration, factoryPid~name
        return tilde > 0 ? configAdmin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?")
                : configAdmin.getConfiguration(pid, "?");
    }

    private Configuration existing(String pid) {
        if (!PID.matcher(pid).matches()) {
            throw new IllegalArgumentException("not a configuration PID: " + pid);
        }
        try {
            Configuration[] configs = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            return configs == null || configs.length == 0 ? null : configs[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a configuration PID: " + pid, e);
        }
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> source) {
        Hashtable<String, Object> copy = new Hashtable<>();
        if (source != null) {
            for (String key : Collections.list(source.keys())) {
                copy.put(key, source.get(key));
            }
        }
        return copy;
    }
}
