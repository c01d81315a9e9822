package io.mosaic.crm.platform.admin.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.LogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the warnings and errors of the OSGi log service to our log (logback): FileInstall's
 * "cannot start bundle" with the missing package, Declarative Services' "activate failed" with the
 * plugin's stack trace. Without it they stay in the log service's memory and nobody sees them.
 */
@Component(immediate = true, service = {})
public final class FrameworkLog implements LogListener {
    private final LogReaderService reader;

    @Activate
    public FrameworkLog(@Reference LogReaderService reader) {
        this.reader = reader;
        List<LogEntry> earlier = new ArrayList<>();
        for (Enumeration<?> e = reader.getLog(); e.hasMoreElements();) {
            earlier.add((LogEntry) e.nextElement());
        }
        Collections.reverse(earlier); // the log service hands out the newest first
        earlier.forEach(this::logged);
        reader.addLogListener(this);
    }

    @Deactivate
    void stop() {
        reader.removeLogListener(this);
    }

    @Override
    @SuppressWarnings("deprecation") // getLevel(): the int level is all Log 1.3 offers
    public void logged(LogEntry entry) {
        if (entry.getLevel() > LogService.LOG_WARNING) {
            return;
        }
        Bundle bundle = entry.getBundle();
        Logger log = LoggerFactory.getLogger("osgi." + (bundle == null ? "framework" : bundle.getSymbolicName()));
        if (entry.getLevel() == LogService.LOG_ERROR) {
            log.error(entry.getMessage(), entry.getException());
        } else {
            log.warn(entry.getMessage(), entry.getException());
        }
    }
}
