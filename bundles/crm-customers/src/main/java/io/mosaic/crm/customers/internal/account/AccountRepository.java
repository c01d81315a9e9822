package io.mosaic.crm.customers.internal.account;

import io.mosaic.crm.customers.internal.common.Rows;
import io.mosaic.crm.sdk.query.FieldType;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.query.ListSpec;
import io.mosaic.crm.sdk.query.ListSpec.Comparison;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the {@code accounts} table, on the handle (and transaction) of the caller. */
final class AccountRepository {
    /** What {@code GET /accounts} offers: filters, sorts, prefix search and fields. */
    static final ListSpec<Account> LIST = ListSpec.<Account>builder("a.id", Account::id)
            .where("a.deleted_at IS NULL")
            .filter("name", FieldType.STRING, "a.name")
            .filter("industry", FieldType.STRING, "a.industry")
            .filter("country", FieldType.STRING, "a.country")
            .filter("city", FieldType.STRING, "a.city")
            .filter("ownerId", FieldType.LONG, "a.owner_id")
            .filter("createdAfter", FieldType.INSTANT, "a.created_at", Comparison.GREATER)
            .filter("createdBefore", FieldType.INSTANT, "a.created_at", Comparison.LESS)
            .sort("name", FieldType.STRING, "a.name", false, Account::name)
            .sort("createdAt", FieldType.INSTANT, "a.created_at", false, Account::createdAt)
            .sort("updatedAt", FieldType.INSTANT, "a.updated_at", false, Account::updatedAt)
            .sort("annualRevenue", FieldType.DECIMAL, "a.annual_revenue", true, Account::annualRevenue)
            .sort("employees", FieldType.INTEGER, "a.employees", true, Account::employees)
            .defaultSort("name")
            .search("a.name", "a.email", "a.website", "a.website_host")
            .fields(Account.FIELDS)
            .build();

    private static final String COLUMNS = """
            a.id, a.name, a.website, a.industry, a.phone, a.email, a.street, a.city, a.postal_code, a.country,
            a.annual_revenue, a.employees, a.owner_id, a.version, a.created_at, a.updated_at""";

    private static final String INSERT = """
            INSERT INTO accounts (name, website, industry, phone, email, street, city, postal_code, country,
                                  annual_revenue, employees, owner_id, version, created_at, updated_at)
            VALUES (:name, :website, :industry, :phone, :email, :street, :city, :postalCode, :country,
                    :annualRevenue, :employees, :ownerId, 1, :now, :now)""";

    private static final String FIND = "SELECT " + COLUMNS + " FROM accounts a WHERE a.id = :id AND a.deleted_at IS NULL";

    private static final String UPDATE = """
            UPDATE accounts
               SET name = :name, website = :website, industry = :industry, phone = :phone, email = :email,
                   street = :street, city = :city, postal_code = :postalCode, country = :country,
                   annual_revenue = :annualRevenue, employees = :employees, owner_id = :ownerId,
                   version = version + 1, updated_at = :now
             WHERE id = :id AND version = :version AND deleted_at IS NULL""";

    private static final String SOFT_DELETE = """
            UPDATE accounts
               SET deleted_at = :now, updated_at = :now, version = version + 1
             WHERE id = :id AND deleted_at IS NULL""";

    // the same normalization as the generated column live_key in V1__init.sql
    private static final String FIND_LIVE_DUPLICATE = """
            SELECT id FROM accounts
             WHERE live_key = CONCAT(LOWER(TRIM(:name)), '|',
                       REGEXP_REPLACE(REGEXP_REPLACE(LOWER(TRIM(COALESCE(:website, ''))), '^(https?://)?(www[.])?', ''), '/+$', ''))
               AND id <> :exceptId""";

    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(
            rs.getLong("id"), rs.getString("name"), rs.getString("website"), rs.getString("industry"),
            rs.getString("phone"), rs.getString("email"), rs.getString("street"), rs.getString("city"),
            rs.getString("postal_code"), rs.getString("country"), rs.getBigDecimal("annual_revenue"),
            Rows.integer(rs, "employees"), rs.getLong("owner_id"), rs.getInt("version"),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));

    private final Handle handle;

    AccountRepository(Handle handle) {
        this.handle = handle;
    }

    /** One statement: inserts the account at version 1, created and updated {@code now}; answers its id. */
    long insert(AccountInput account, Instant now) {
        return handle.createUpdate(INSERT).bindMethods(account).bind("now", Rows.utc(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Account> find(long id) {
        return handle.createQuery(FIND).bind("id", id).map(ACCOUNT).findOne();
    }

    /** The live account, locked until the transaction ends. */
    Optional<Account> lock(long id) {
        return handle.createQuery(FIND + " FOR UPDATE").bind("id", id).map(ACCOUNT).findOne();
    }

    boolean update(long id, int version, AccountInput account, Instant now) {
        return handle.createUpdate(UPDATE).bindMethods(account).bind("id", id).bind("version", version)
                .bind("now", Rows.utc(now)).execute() == 1;
    }

    boolean softDelete(long id, Instant now) {
        return handle.createUpdate(SOFT_DELETE).bind("id", id).bind("now", Rows.utc(now)).execute() == 1;
    }

    /** The live account other than {@code exceptId} with the same normalized name and website. */
    Optional<Long> findDuplicate(String name, String website, long exceptId) {
        return handle.createQuery(FIND_LIVE_DUPLICATE).bind("name", name).bind("website", website)
                .bind("exceptId", exceptId).mapTo(Long.class).findOne();
    }

    List<Account> list(ListQuery<Account> query) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM accounts a " + query.clauses())
                .bindMap(query.bindings()).map(ACCOUNT).list();
    }
}
