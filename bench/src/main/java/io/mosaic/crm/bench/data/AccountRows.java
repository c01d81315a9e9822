package io.mosaic.crm.bench.data;

import static io.mosaic.crm.bench.data.Vocabulary.pick;
import static io.mosaic.crm.bench.data.Vocabulary.pickSkewed;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Companies: a name of two words, a kind and a legal form, a unique website, realistic size figures. */
public final class AccountRows implements RowSource {
    private static final Set<String> COLUMNS = Set.of("name", "website", "industry", "phone", "email", "street",
            "city", "postal_code", "country", "annual_revenue", "employees", "owner_id", "version", "created_at", "updated_at");
    private final long seed;
    private final long[] ownerIds;

    /** @param ownerIds the users records may belong to (at least one) */
    public AccountRows(long seed, long[] ownerIds) {
        this.seed = seed;
        this.ownerIds = ownerIds;
    }

    @Override
    public String entity() {
        return "accounts";
    }

    @Override
    public List<String> tableNames() {
        return List.of("accounts", "customers_accounts", "customer_accounts");
    }

    @Override
    public Set<String> columns() {
        return COLUMNS;
    }

    @Override
    public Map<String, Object> row(long n) {
        SplittableRandom r = Vocabulary.randomFor(seed, n);
        String brand = pickSkewed(r, Vocabulary.COMPANY_WORDS) + " " + pick(r, Vocabulary.COMPANY_KINDS);
        String name = brand + " " + pick(r, Vocabulary.SUFFIXES);
        String host = Vocabulary.slug(brand) + "-" + n + ".example";
        int employees = (int) Math.min(500_000, Math.round(Math.exp(r.nextDouble() * 11)));
        LocalDateTime created = Vocabulary.timestamp(r);
        Map<String, Object> row = new HashMap<>(24);
        row.put("name", name);
        row.put("website", "https://www." + host);
        row.put("industry", pick(r, Vocabulary.INDUSTRIES));
        row.put("phone", Vocabulary.phone(r));
        row.put("email", "info@" + host);
        row.put("street", (1 + r.nextInt(200)) + " " + pick(r, Vocabulary.COMPANY_WORDS) + " Street");
        row.put("city", pick(r, Vocabulary.CITIES));
        row.put("postal_code", String.format("%05d", r.nextInt(100_000)));
        row.put("country", pickSkewed(r, Vocabulary.COUNTRIES));
        row.put("annual_revenue", BigDecimal.valueOf(employees * (50_000L + r.nextInt(250_000))));
        row.put("employees", employees);
        row.put("owner_id", ownerIds[r.nextInt(ownerIds.length)]);
        row.put("version", 1);
        row.put("created_at", created);
        row.put("updated_at", created.plusSeconds(r.nextInt(30 * 24 * 3600)));
        return row;
    }
}
