package io.mosaic.crm.bench.scenario;

/** One benchmark with a goal; {@link #run} measures it and judges PASS or MISS. */
public interface Scenario {

    /** Name on the command line: {@code ./crm bench cached-get}. */
    String id();

    String title();

    String goal();

    Outcome run(BenchContext context) throws Exception;
}
