package io.mosaic.crm.platform.tuning.internal.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The Metatype descriptions of every configurable PID across all bundles: singleton PIDs, and the
 * existing configurations of factory PIDs (e.g. {@code io.mosaic.crm.cache~accounts}), each with its
 * attribute definitions and the min/max their bundle's metatype XML declares.
 */
public final class Descriptions {
    /** One configurable PID: its OCD, its bundle's declared ranges, and the factory it belongs to (or null). */
    public record Described(String pid, String factoryPid, ObjectClassDefinition ocd, Map<String, String[]> ranges) {
        public Map<String, AttributeDefinition> attributes() {
            Map<String, AttributeDefinition> byId = new LinkedHashMap<>();
            AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
            if (ads != null) {
                for (AttributeDefinition ad : ads) {
                    byId.put(ad.getID(), ad);
                }
            }
            return byId;
        }
    }

    private final BundleContext context;
    private final MetaTypeService metaType;
    private final ConfigurationAdmin configAdmin;

    public Descriptions(BundleContext context, MetaTypeService metaType, ConfigurationAdmin configAdmin) {
        this.context = context;
        this.metaType = metaType;
        this.configAdmin = configAdmin;
    }

    /** Every described PID, sorted; factory PIDs appear as their existing configurations. */
    public List<Described> all() {
        Map<String, Described> byPid = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            Map<String, Map<String, String[]>> ranges = MetatypeRanges.of(bundle);
            for (String pid : info.getPids()) {
                byPid.put(pid, new Described(pid, null, info.getObjectClassDefinition(pid, null),
                        ranges.getOrDefault(pid, Map.of())));
            }
            for (String factory : info.getFactoryPids()) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(factory, null);
                for (String pid : factoryInstances(factory)) {
                    byPid.put(pid, new Described(pid, factory, ocd, ranges.getOrDefault(factory, Map.of())));
                }
            }
        }
        return new ArrayList<>(byPid.values());
    }

    public Optional<Described> get(String pid) {
        return all().stream().filter(d -> d.pid().equals(pid)).findFirst();
    }

    private List<String> factoryInstances(String factoryPid) {
        try {
            Configuration[] configs = configAdmin.listConfigurations("(service.factoryPid=" + factoryPid + ")");
            List<String> pids = new ArrayList<>();
            if (configs != null) {
                for (Configuration c : configs) {
                    pids.add(c.getPid());
                }
            }
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
    }
}
