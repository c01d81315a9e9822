package io.mosaic.crm.customers.internal.contact;

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

/** SQL for the {@code contacts} table, on the handle (and transaction) of the caller. */
final class ContactRepository {
    /** What {@code GET /contacts} offers: filters, sorts, prefix search and fields. */
    static final ListSpec<Contact> LIST = ListSpec.<Contact>builder("c.id", Contact::id)
            .where("c.deleted_at IS NULL")
            .filter("accountId", FieldType.LONG, "c.account_id")
            .filter("email", FieldType.STRING, "c.email")
            .filter("lastName", FieldType.STRING, "c.last_name")
            .filter("ownerId", FieldType.LONG, "c.owner_id")
            .filter("createdAfter", FieldType.INSTANT, "c.created_at", Comparison.GREATER)
            .filter("createdBefore", FieldType.INSTANT, "c.created_at", Comparison.LESS)
            .sort("lastName", FieldType.STRING, "c.last_name", false, Contact::lastName)
            .sort("firstName", FieldType.STRING, "c.first_name", true, Contact::firstName)
            .sort("createdAt", FieldType.INSTANT, "c.created_at", false, Contact::createdAt)
            .sort("updatedAt", FieldType.INSTANT, "c.updated_at", false, Contact::updatedAt)
            .defaultSort("lastName")
            .search("c.first_name", "c.last_name", "c.email")
            .fields(Contact.FIELDS)
            .build();

    private static final String COLUMNS = """
            c.id, c.account_id, c.first_name, c.last_name, c.email, c.phone, c.title, c.owner_id, c.version,
            c.created_at, c.updated_at""";

    private static final String INSERT = """
            INSERT INTO contacts (account_id, first_name, last_name, email, phone, title, owner_id, version,
                                  created_at, updated_at)
            VALUES (:accountId, :firstName, :lastName, :email, :phone, :title, :ownerId, 1, :now, :now)""";

    // inserts nothing unless the account is live; the account row is read with a shared lock (as the
    // foreign key check does too), so a concurrent soft delete of the account waits for this insert
    private static final String INSERT_FOR_LIVE_ACCOUNT = """
            INSERT INTO contacts (account_id, first_name, last_name, email, phone, title, owner_id, version,
                                  created_at, updated_at)
            SELECT a.id, :firstName, :lastName, :email, :phone, :title, :ownerId, 1, :now, :now
              FROM accounts a
             WHERE a.id = :accountId AND a.deleted_at IS NULL
              LOCK IN SHARE MODE""";

    private static final String FIND = "SELECT " + COLUMNS + " FROM contacts c WHERE c.id = :id AND c.deleted_at IS NULL";

    private static final String UPDATE = """
            UPDATE contacts
               SET account_id = :accountId, first_name = :firstName, last_name = :lastName, email = :email,
                   phone = :phone, title = :title, owner_id = :ownerId,
                   version = version + 1, updated_at = :now
             WHERE id = :id AND version = :version AND deleted_at IS NULL""";

    private static final String SOFT_DELETE = """
            UPDATE contacts
               SET deleted_at = :now, updated_at = :now, version = version + 1
             WHERE id = :id AND deleted_at IS NULL""";

    // the same normalization as the generated column live_email in V1__init.sql
    private static final String FIND_LIVE_DUPLICATE = """
            SELECT id FROM contacts WHERE live_email = LOWER(TRIM(:email)) AND id <> :exceptId""";

    // a shared lock keeps the account from being deleted until this transaction ends
    private static final String ACCOUNT_IS_LIVE = """
            SELECT 1 FROM accounts WHERE id = :id AND deleted_at IS NULL LOCK IN SHARE MODE""";

    private static final RowMapper<Contact> CONTACT = (rs, ctx) -> new Contact(
            rs.getLong("id"), Rows.longOrNull(rs, "account_id"), rs.getString("first_name"), rs.getString("last_name"),
            rs.getString("email"), rs.getString("phone"), rs.getString("title"), rs.getLong("owner_id"),
            rs.getInt("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));

    private final Handle handle;

    ContactRepository(Handle handle) {
        this.handle = handle;
    }

    /**
     * One statement: inserts the contact at version 1, created and updated {@code now}, and answers
     * its id; empty (and nothing inserted) if it names an account that is not live.
     */
    Optional<Long> insert(ContactInput contact, Instant now) {
        return handle.createUpdate(contact.accountId() == null ? INSERT : INSERT_FOR_LIVE_ACCOUNT)
                .bindMethods(contact).bind("now", Rows.utc(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne();
    }

    Optional<Contact> find(long id) {
        return handle.createQuery(FIND).bind("id", id).map(CONTACT).findOne();
    }

    /** The live contact, locked until the transaction ends. */
    Optional<Contact> lock(long id) {
        return handle.createQuery(FIND + " FOR UPDATE").bind("id", id).map(CONTACT).findOne();
    }

    boolean accountIsLive(long accountId) {
        return handle.createQuery(ACCOUNT_IS_LIVE).bind("id", accountId).mapTo(Integer.class).findOne().isPresent();
    }

    boolean update(long id, int version, ContactInput contact, Instant now) {
        return handle.createUpdate(UPDATE).bindMethods(contact).bind("id", id).bind("version", version)
                .bind("now", Rows.utc(now)).execute() == 1;
    }

    boolean softDelete(long id, Instant now) {
        return handle.createUpdate(SOFT_DELETE).bind("id", id).bind("now", Rows.utc(now)).execute() == 1;
    }

    /** The live contact other than {@code exceptId} with the same e-mail, ignoring case. */
    Optional<Long> findDuplicate(String email, long exceptId) {
        return handle.createQuery(FIND_LIVE_DUPLICATE).bind("email", email).bind("exceptId", exceptId)
                .mapTo(Long.class).findOne();
    }

    List<Contact> list(ListQuery<Contact> query) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM contacts c " + query.clauses())
                .bindMap(query.bindings()).map(CONTACT).list();
    }
}
