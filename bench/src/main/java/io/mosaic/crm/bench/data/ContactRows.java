package io.mosaic.crm.bench.data;

import static io.mosaic.crm.bench.data.Vocabulary.pick;
import static io.mosaic.crm.bench.data.Vocabulary.pickSkewed;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** People at accounts: skewed first and last names, a unique e-mail, most of them linked to an account. */
public final class ContactRows implements RowSource {
    private static final Set<String> COLUMNS = Set.of("account_id", "first_name", "last_name", "email", "phone",
            "title", "owner_id", "version", "created_at", "updated_at");
    private final long seed;
    private final long[] accountIds;
    private final long[] ownerIds;

    /**
     * @param accountIds the ids contacts may refer to (may be empty: then no contact has an account)
     * @param ownerIds   the users contacts may belong to (at least one)
     */
    public ContactRows(long seed, long[] accountIds, long[] ownerIds) {
        this.seed = seed;
        this.accountIds = accountIds;
        this.ownerIds = ownerIds;
    }

    @Override
    public String entity() {
        return "contacts";
    }

    @Override
    public List<String> tableNames() {
        return List.of("contacts", "customers_contacts", "customer_contacts");
    }

    @Override
    public Set<String> columns() {
        return COLUMNS;
    }

    @Override
    public Map<String, Object> row(long n) {
        SplittableRandom r = Vocabulary.randomFor(seed ^ 0x5DEECE66DL, n);
        String first = pickSkewed(r, Vocabulary.FIRST_NAMES);
        String last = pickSkewed(r, Vocabulary.LAST_NAMES);
        LocalDateTime created = Vocabulary.timestamp(r);
        Map<String, Object> row = new HashMap<>(16);
        row.put("account_id", accountIds.length == 0 || r.nextInt(10) == 0 ? null : accountIds[r.nextInt(accountIds.length)]);
        row.put("first_name", first);
        row.put("last_name", last);
        row.put("email", (first + "." + last).toLowerCase() + "." + n + "@" + pick(r, Vocabulary.DOMAINS));
        row.put("phone", r.nextInt(4) == 0 ? null : Vocabulary.phone(r));
        row.put("title", pick(r, Vocabulary.TITLES));
        row.put("owner_id", ownerIds[r.nextInt(ownerIds.length)]);
        row.put("version", 1);
        row.put("created_at", created);
        row.put("updated_at", created.plusSeconds(r.nextInt(30 * 24 * 3600)));
        return row;
    }
}
