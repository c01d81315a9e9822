package io.mosaic.crm.sdk.record;

import java.util.List;

/**
 * The routes of a module's record types ({@link Records#serveAll}), whose page sizes follow the
 * module's live settings together. Keep it in a volatile field, starting at {@link #NONE}:
 *
 * <pre>{@code
 * public void routes(Routes routes) {
 *     served = records.serveAll(routes, recordTypes());
 *     served.pageSizes(settings.defaultPageSize(), settings.maxPageSize());
 * }
 * @Modified void apply(Settings next) {
 *     settings = next;
 *     served.pageSizes(next.defaultPageSize(), next.maxPageSize());
 * }
 * }</pre>
 *
 * @since 1.2
 */
public final class ServedTypes {
    /** No routes yet (before the platform asked for the module's routes). */
    public static final ServedTypes NONE = new ServedTypes(List.of());

    private final List<Records.RecordRoutes> routes;

    ServedTypes(List<Records.RecordRoutes> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * Applies to the next list requests of every type. Values out of range are brought into it:
     * the maximum is at least 1, the default between 1 and the maximum.
     */
    public void pageSizes(int defaultLimit, int maxLimit) {
        int max = Math.max(1, maxLimit);
        int initial = Math.max(1, Math.min(defaultLimit, max));
        routes.forEach(r -> r.pageSizes(initial, max));
    }
}
