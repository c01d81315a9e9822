package io.mosaic.crm.platform.admin.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** The Metatype descriptions of configurable components, looked up across all bundles. */
final class Descriptions {
    private final BundleContext context;
    private final MetaTypeService metaType;

    Descriptions(BundleContext context, MetaTypeService metaType) {
        this.context = context;
        this.metaType = metaType;
    }

    TreeSet<String> pids() {
        TreeSet<String> pids = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
            if (info != null) {
                pids.addAll(java.util.List.of(info.getPids()));
            }
        }
        return pids;
    }

    /** The factory PIDs with a description: each configuration {@code <factoryPid>~<name>} is described by it. */
    TreeSet<String> factoryPids() {
        TreeSet<String> pids = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
            if (info != null) {
                pids.addAll(java.util.List.of(info.getFactoryPids()));
            }
        }
        return pids;
    }

    Optional<Map<String, AttributeDefinition>> attributes(String pid) {
        return ocd(pid).map(ocd -> {
            Map<String, AttributeDefinition> byId = new LinkedHashMap<>();
            AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
            if (ads != null) {
                for (AttributeDefinition ad : ads) {
                    byId.put(ad.getID(), ad);
                }
            }
            return byId;
        });
    }

    String name(String pid) {
        return ocd(pid).map(ObjectClassDefinition::getName).orElse(pid);
    }

    private Optional<ObjectClassDefinition> ocd(String pid) {
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
            if (info != null && java.util.Arrays.asList(info.getPids()).contains(pid)) {
                return Optional.ofNullable(info.getObjectClassDefinition(pid, null));
            }
            String factoryPid = ConfigEditor.factoryPid(pid);
            if (info != null && factoryPid != null && java.util.Arrays.asList(info.getFactoryPids()).contains(factoryPid)) {
                return Optional.ofNullable(info.getObjectClassDefinition(factoryPid, null));
            }
        }
        return Optional.empty();
    }
}
