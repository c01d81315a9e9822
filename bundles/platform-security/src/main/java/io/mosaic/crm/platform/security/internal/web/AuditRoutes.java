package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.platform.security.internal.audit.AuditEntry;
import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code /audit}: the security audit log, newest first, paged by {@code before}. */
final class AuditRoutes {
    static final Permission ADMIN = Permission.of("security.audit", Action.ADMIN);
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern EVENT = Pattern.compile("[a-z][a-z._-]{0,39}");

    private final AuditLog audit;

    AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    void register(Routes routes) {
        routes.get("/audit", ADMIN, this::list)
                .summary("Security events: sign-ins, failures, lockouts, token use, user/role/token changes")
                .queryParameter("limit", "at most this many entries (default 100, max 500)")
                .queryParameter("before", "only entries older than this id (the previous page's next)")
                .queryParameter("event", "only this event, e.g. login.failure")
                .responseBody(AuditEntry.class);
    }

    Map<String, Object> list(ApiRequest request) {
        int limit = (int) number(request, "limit", 100);
        long before = number(request, "before", Long.MAX_VALUE);
        String event = request.query("event").orElse(null);
        if (event != null && !EVENT.matcher(event).matches()) {
            throw new BadRequestException("invalid_query", "event must be a name like login.failure");
        }
        List<AuditEntry> items = audit.list(before, event, limit);
        Map<String, Object> page = new HashMap<>();
        page.put("items", items);
        page.put("next", items.size() < Math.min(limit, 500) || items.isEmpty() ? null
                : String.valueOf(items.get(items.size() - 1).id()));
        return page;
    }

    private static long number(ApiRequest request, String name, long fallback) {
        String value = request.query(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (!NUMBER.matcher(value).matches()) {
            throw new BadRequestException("invalid_query", name + " must be a positive whole number");
        }
        return Long.parseLong(value);
    }
}
