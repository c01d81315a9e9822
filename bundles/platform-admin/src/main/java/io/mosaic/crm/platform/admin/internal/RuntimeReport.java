package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the live facts every bundle reports, plus the JVM's own. It looks the services up on each
 * call rather than through a DS reference or a tracker: platform-http both reports facts and serves
 * this endpoint, so at activation its service is not gettable yet (a tracker would drop it for good),
 * and a reference would close a circle SCR complains about at every start.
 */
final class RuntimeReport {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeReport.class);
    private final BundleContext context;

    RuntimeReport(BundleContext context) {
        this.context = context;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> report = new TreeMap<>();
        Collection<ServiceReference<RuntimeFacts>> references;
        try {
            references = context.getServiceReferences(RuntimeFacts.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
        for (ServiceReference<RuntimeFacts> reference : references) {
            RuntimeFacts source = context.getService(reference);
            if (source == null) {
                continue; // went away meanwhile
            }
            try {
                report.put(source.name(), source.facts());
            } catch (RuntimeException e) {
                LOG.warn("runtime facts '{}' failed", source.name(), e);
                report.put(source.name(), Map.of("error", String.valueOf(e.getMessage())));
            } finally {
                context.ungetService(reference);
            }
        }
        report.put("jvm", jvm());
        return report;
    }

    private static Map<String, Object> jvm() {
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        var runtime = ManagementFactory.getRuntimeMXBean();
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", runtime.getVmVersion());
        jvm.put("uptimeMillis", runtime.getUptime());
        jvm.put("heapUsedBytes", memory.getUsed());
        jvm.put("heapMaxBytes", memory.getMax());
        jvm.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        jvm.put("processors", Runtime.getRuntime().availableProcessors());
        return jvm;
    }
}
