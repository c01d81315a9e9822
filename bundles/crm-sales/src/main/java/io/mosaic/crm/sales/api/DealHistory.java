package io.mosaic.crm.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The history of deals, for models and segments, read by the sales module from its own tables:
 * each deal's features streamed (never a whole table in memory), and RFM scores of accounts
 * computed in SQL.
 */
@ProviderType
public interface DealHistory {

    /**
     * A deal as a model sees it.
     *
     * @param id            the opportunity
     * @param outcome       {@code won}, {@code lost} or {@code open}
     * @param stage         its stage now
     * @param reached       position of the furthest open stage it got to (for a won deal the last open
     *                      stage, for a lost one the stage it was lost from, for an open one its stage)
     * @param openStages    positions of the open stages of its pipeline, in order
     * @param source        lead source, or null
     * @param amount        amount, or null
     * @param ageDays       days from creation to close date
     * @param activities    live activities related to it
     * @param ownerId       its owner
     * @param probability   the probability set on it (the stage's default unless a user set one)
     */
    record Deal(long id, String outcome, String stage, int reached, List<Integer> openStages, String source,
            BigDecimal amount, long ageDays, int activities, long ownerId, int probability) {}

    /** Streams the closed (won and lost) deals, in id order, to {@code sink}. */
    void closedDeals(Consumer<Deal> sink);

    /** Streams the open deals, in id order, to {@code sink} (at most {@code limit}). */
    void openDeals(int limit, Consumer<Deal> sink);

    /**
     * Recency, frequency and monetary value of the won deals of an account in one currency, scored
     * 1–5 by quintile among the accounts with won deals in that currency (5: most recent, most
     * frequent, most valuable), with its segment.
     */
    record AccountRfm(long accountId, String currency, long recencyDays, long frequency, BigDecimal monetary,
            int r, int f, int m, String segment) {}

    /** Segment names, from best to worst. */
    List<String> SEGMENTS = List.of("champions", "loyal", "potential_loyalists", "new", "need_attention", "at_risk",
            "hibernating");

    /** The accounts' scores as of {@code today}, best monetary value first, optionally of one segment. */
    List<AccountRfm> rfm(LocalDate today, String segment, int limit);

    /** How many accounts each segment holds, per currency: currency → segment → accounts. */
    List<SegmentCount> segments(LocalDate today);

    /** A segment's size and won value in one currency. */
    record SegmentCount(String currency, String segment, long accounts, BigDecimal monetary) {}
}
