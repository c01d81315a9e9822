package io.mosaic.crm.itests;

/**
 * Resource locks of the integration test plan. Classes on the shared server run one after
 * another on the main thread; classes that boot a server of their own run beside them, one at a
 * time ({@code @Execution(CONCURRENT)}, holding {@link #CORES} shared and {@link #SECOND_SERVER}),
 * and so does the SLA breach wait. See {@code junit-platform.properties}.
 */
public final class TestLocks {
    /**
     * The machine's cores: held shared (READ) by the classes that run beside the main sequence,
     * exclusively by the classes whose assertions depend on timing under a known load (load
     * shedding, live tuning, login throttling), which then run with nothing beside them.
     */
    public static final String CORES = "cores";

    /**
     * The one server beside the shared one. JUnit's pool size is no bound (a thread waiting for
     * its tasks runs others), so this lock is what keeps it to two servers on two cores.
     */
    public static final String SECOND_SERVER = "a second server";

    /** Record lists on the shared server: the route fuzz test compares them before and after each batch. */
    public static final String RECORD_LISTS = "record lists";

    private TestLocks() {}
}
