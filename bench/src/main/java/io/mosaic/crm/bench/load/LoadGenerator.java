package io.mosaic.crm.bench.load;

/** Sends bounded load to 127.0.0.1 and measures it. */
public interface LoadGenerator {

    /** {@code wrk} or {@code java}. */
    String name();

    Measurement run(LoadSpec spec) throws Exception;
}
