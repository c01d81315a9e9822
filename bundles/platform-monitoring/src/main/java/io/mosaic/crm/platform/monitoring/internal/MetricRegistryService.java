package io.mosaic.crm.platform.monitoring.internal;

import com.codahale.metrics.MetricRegistry;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the platform's one {@link MetricRegistry} as an OSGi service while monitoring is
 * enabled. Switching it off withdraws the service: every bundle holds it as an optional dynamic
 * reference, so recording stops everywhere at once without restarting anything. Switching it on
 * publishes a fresh registry.
 */
@Designate(ocd = MonitoringSettings.class)
@Component(service = {}, immediate = true, configurationPid = MetricRegistryService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class MetricRegistryService {
    static final String PID = "io.mosaic.crm.monitoring";
    private static final Logger LOG = LoggerFactory.getLogger(MetricRegistryService.class);

    private final BundleContext context;
    private ServiceRegistration<MetricRegistry> registration;
    private boolean jvm;

    @Activate
    public MetricRegistryService(BundleContext context, MonitoringSettings settings) {
        this.context = context;
        apply(settings);
    }

    @Modified
    synchronized void apply(MonitoringSettings settings) {
        boolean jvmChanged = registration != null && jvm != settings.jvmMetrics();
        if (!settings.enabled() || jvmChanged) {
            withdraw();
        }
        jvm = settings.jvmMetrics();
        if (settings.enabled() && registration == null) {
            MetricRegistry registry = new MetricRegistry();
            if (jvm) {
                JvmMetrics.register(registry);
            }
            registration = context.registerService(MetricRegistry.class, registry, new Hashtable<>());
            LOG.info("monitoring enabled{}", jvm ? " with JVM metrics" : "");
        }
    }

    @Deactivate
    synchronized void withdraw() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            registration = null;
            LOG.info("metric registry withdrawn: metrics are no longer recorded");
        }
    }
}
