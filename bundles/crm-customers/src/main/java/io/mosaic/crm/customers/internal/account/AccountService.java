package io.mosaic.crm.customers.internal.account;

import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.customers.internal.common.DuplicateGuard;
import io.mosaic.crm.customers.internal.common.RecordCache;
import io.mosaic.crm.customers.internal.common.Transactions;
import io.mosaic.crm.sdk.error.NotFoundException;
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
 * Accounts: every write is one transaction and announces itself after commit. Duplicates are
 * caught by the database's unique key (so concurrent writers cannot both win) and answered with
 * the id of the account that holds the name and website. A create is a single autocommitted
 * statement, answered from what was written (no re-read): the service stamps the times.
 */
public final class AccountService {
    static final String MODULE = "customers";
    static final String ENTITY = "Account";
    private final Transactions transactions;
    private final EventSink events;
    private final RecordCache<Account> cache;
    private final Clock clock;

    public AccountService(Jdbi jdbi, EventSink events) {
        this(jdbi, events, RecordCache.uncached());
    }

    public AccountService(Jdbi jdbi, EventSink events, RecordCache<Account> cache) {
        this(jdbi, events, cache, Clock.systemUTC());
    }

    AccountService(Jdbi jdbi, EventSink events, RecordCache<Account> cache, Clock clock) {
        this.transactions = new Transactions(jdbi);
        this.events = events;
        this.cache = cache;
        this.clock = clock;
    }

    /** Stores a new account at version 1. */
    public Account create(AccountInput input, long userId) {
        AccountInput account = input.withOwnerIfMissing(userId).validated();
        Instant now = now();
        long id = guardingDuplicates(() -> account, 0,
                () -> transactions.single(h -> new AccountRepository(h).insert(account, now)));
        committed(EventKind.CREATED, id, userId);
        return new Account(id, account.name(), account.website(), account.industry(), account.phone(), account.email(),
                account.street(), account.city(), account.postalCode(), account.country(), account.annualRevenue(),
                account.employees(), account.ownerId(), 1, now, now);
    }

    /** The live account, from the cache when it holds it. */
    public Account get(long id) {
        return cache.get(id, key -> transactions.read(h -> new AccountRepository(h).find(key))
                .orElseThrow(() -> new NotFoundException("account", key)));
    }

    public List<Account> list(ListQuery<Account> query) {
        return transactions.read(h -> new AccountRepository(h).list(query));
    }

    /** Applies {@code patch} if the account still has {@code expectedVersion}; bumps the version. */
    public Account update(long id, long expectedVersion, AccountPatch patch, long userId) {
        var attempted = new AtomicReference<AccountInput>();
        return guardingDuplicates(attempted::get, id, () -> transactions.write(h -> {
            var repository = new AccountRepository(h);
            Account current = lockCurrent(repository, id, OptionalLong.of(expectedVersion));
            AccountInput changed = patch.applyTo(current.toInput()).validated();
            attempted.set(changed);
            repository.update(id, current.version(), changed, now());
            announce(h, EventKind.UPDATED, id, userId);
            return repository.find(id).orElseThrow();
        }));
    }

    /** Soft-deletes the account; checks the version only if one is given. */
    public void delete(long id, OptionalLong expectedVersion, long userId) {
        transactions.write(h -> {
            var repository = new AccountRepository(h);
            lockCurrent(repository, id, expectedVersion);
            repository.softDelete(id, now());
            announce(h, EventKind.DELETED, id, userId);
            return null;
        });
    }

    private static Account lockCurrent(AccountRepository repository, long id, OptionalLong expectedVersion) {
        Account current = repository.lock(id).orElseThrow(() -> new NotFoundException("account", id));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new VersionMismatchException(current.version());
        }
        return current;
    }

    /** The time to stamp on a write, at the precision of the {@code DATETIME(6)} columns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void announce(Handle handle, EventKind kind, long id, long userId) {
        handle.afterCommit(() -> committed(kind, id, userId));
    }

    /** After commit, and so before the change is answered: forget the cached copy, then tell the others. */
    private void committed(EventKind kind, long id, long userId) {
        cache.invalidate(id);
        events.post(CrmEvents.event(MODULE, ENTITY, kind, id, userId, Map.of()));
    }

    /** Answers a unique-key refusal with 409 naming the account that holds the name and website. */
    private <T> T guardingDuplicates(Supplier<AccountInput> values, long selfId, Supplier<T> write) {
        return DuplicateGuard.write(write, () -> {
            AccountInput account = values.get();
            return transactions.read(h -> new AccountRepository(h).findDuplicate(account.name(), account.website(), selfId));
        }, "account", List.of("name", "website"));
    }
}
