package io.mosaic.crm.itests;

/**
 * Resource locks of the integration test plan. Classes on the shared server run one after
 * another on the main thread; a class that boots a server of its own runs beside them
 * ({@code @Execution(CONCURRENT)}, holding {@link #CORES} shared), and so does the SLA breach
 * wait. See {@code junit-platform.properties}.
 */
public final class TestLocks {
    /**
     * The machine's cores: held shared (READ) by the classes that run beside the main sequence,
     * exclusively by the classes whose assertions depend on timing under a known load (load
     * shedding, live tuning, login throttling), which then run with nothing beside them.
     */
    public static final String CORES = "cores";

    /** Record lists on the shared server: the route fuzz test compares them before and after each batch. */
    public static final String RECORD_LISTS = "record lists";

    private TestLocks() {}
}
