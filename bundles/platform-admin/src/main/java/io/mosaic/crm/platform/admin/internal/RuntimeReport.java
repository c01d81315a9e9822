package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects the live facts every bundle reports, plus the JVM's own. */
final class RuntimeReport {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeReport.class);
    private final List<RuntimeFacts> sources = new CopyOnWriteArrayList<>();

    void add(RuntimeFacts facts) {
        sources.add(facts);
    }

    void remove(RuntimeFacts facts) {
        sources.remove(facts);
    }

    Map<String, Object> snapshot() {
        Map<String, Object> report = new TreeMap<>();
        for (RuntimeFacts source : sources) {
            try {
                report.put(source.name(), source.facts());
            } catch (RuntimeException e) {
                LOG.warn("runtime facts '{}' failed", source.name(), e);
                report.put(source.name(), Map.of("error", String.valueOf(e.getMessage())));
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
