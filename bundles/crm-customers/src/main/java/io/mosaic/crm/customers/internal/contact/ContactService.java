package io.mosaic.crm.customers.internal.contact;

import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.customers.internal.common.Problems;
import io.mosaic.crm.customers.internal.common.DuplicateGuard;
import io.mosaic.crm.customers.internal.common.RecordCache;
import io.mosaic.crm.customers.internal.common.Transactions;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import io.mosaic.crm.sdk.event.CrmEvents;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.query.ListQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Contacts: every write is one transaction and announces itself after commit. The e-mail is unique
 * among live contacts, enforced by the database's unique key; a clash is answered with the id of
 * the contact that holds the address. A create is a single autocommitted statement that also checks
 * the account, and is answered from what was written (no re-read): the service stamps the times.
 */
public final class ContactService {
    static final String MODULE = "customers";
    static final String ENTITY = "Contact";
    private final Transactions transactions;
    private final EventSink events;
    private final RecordCache<Contact> cache;
    private final Clock clock;

    public ContactService(Jdbi jdbi, EventSink events) {
        this(jdbi, events, RecordCache.uncached());
    }

    public ContactService(Jdbi jdbi, EventSink events, RecordCache<Contact> cache) {
        this(jdbi, events, cache, Clock.systemUTC());
    }

    ContactService(Jdbi jdbi, EventSink events, RecordCache<Contact> cache, Clock clock) {
        this.transactions = new Transactions(jdbi);
        this.events = events;
        this.cache = cache;
        this.clock = clock;
    }

    /** Stores a new contact at version 1; 422 naming {@code accountId} if its account is missing or deleted. */
    public Contact create(ContactInput input, long userId) {
        var problems = new Problems();
        ContactInput contact = input.withOwnerIfMissing(userId).validated(problems);
        if (!problems.isEmpty()) {
            transactions.read(h -> checkAccount(new ContactRepository(h), contact.accountId(), problems));
        }
        Instant now = now();
        long id = guardingDuplicates(() -> contact, 0,
                () -> transactions.single(h -> new ContactRepository(h).insert(contact, now)))
                .orElseThrow(() -> new ValidationException("accountId", "not_found"));
        committed(EventKind.CREATED, id, userId);
        return new Contact(id, contact.accountId(), contact.firstName(), contact.lastName(), contact.email(),
                contact.phone(), contact.title(), contact.ownerId(), 1, now, now);
    }

    /** The live contact, from the cache when it holds it. */
    public Contact get(long id) {
        return cache.get(id, key -> transactions.read(h -> new ContactRepository(h).find(key))
                .orElseThrow(() -> new NotFoundException("contact", key)));
    }

    public List<Contact> list(ListQuery<Contact> query) {
        return transactions.read(h -> new ContactRepository(h).list(query));
    }

    /** Applies {@code patch} if the contact still has {@code expectedVersion}; bumps the version. */
    public Contact update(long id, long expectedVersion, ContactPatch patch, long userId) {
        var attempted = new AtomicReference<ContactInput>();
        return guardingDuplicates(attempted::get, id, () -> transactions.write(h -> {
            var repository = new ContactRepository(h);
            Contact current = lockCurrent(repository, id, OptionalLong.of(expectedVersion));
            var problems = new Problems();
            ContactInput changed = patch.applyTo(current.toInput()).validated(problems);
            checkAccount(repository, patch.changesAccount() ? changed.accountId() : null, problems);
            attempted.set(changed);
            repository.update(id, current.version(), changed, now());
            announce(h, EventKind.UPDATED, id, userId);
            return repository.find(id).orElseThrow();
        }));
    }

    /** Soft-deletes the contact; checks the version only if one is given. */
    public void delete(long id, OptionalLong expectedVersion, long userId) {
        transactions.write(h -> {
            var repository = new ContactRepository(h);
            lockCurrent(repository, id, expectedVersion);
            repository.softDelete(id, now());
            announce(h, EventKind.DELETED, id, userId);
            return null;
        });
    }

    /** Adds a problem if {@code accountId} names no live account, then reports every problem. */
    private static Void checkAccount(ContactRepository repository, Long accountId, Problems problems) {
        if (accountId != null && accountId > 0 && !repository.accountIsLive(accountId)) {
            problems.add("accountId", "not_found");
        }
        problems.throwIfAny();
        return null;
    }

    /** The time to stamp on a write, at the precision of the {@code DATETIME(6)} columns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Contact lockCurrent(ContactRepository repository, long id, OptionalLong expectedVersion) {
        Contact current = repository.lock(id).orElseThrow(() -> new NotFoundException("contact", id));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new VersionMismatchException(current.version());
        }
        return current;
    }

    private void announce(Handle handle, EventKind kind, long id, long userId) {
        handle.afterCommit(() -> committed(kind, id, userId));
    }

    /** After commit, and so before the change is answered: forget the cached copy, then tell the others. */
    private void committed(EventKind kind, long id, long userId) {
        cache.invalidate(id);
        events.post(CrmEvents.event(MODULE, ENTITY, kind, id, userId, Map.of()));
    }

    /** Answers a unique-key refusal with 409 naming the contact that holds the e-mail. */
    private <T> T guardingDuplicates(Supplier<ContactInput> values, long selfId, Supplier<T> write) {
        return DuplicateGuard.write(write, () -> {
            String email = values.get().email();
            return transactions.read(h -> new ContactRepository(h).findDuplicate(email, selfId));
        }, "contact", List.of("email"));
    }
}
