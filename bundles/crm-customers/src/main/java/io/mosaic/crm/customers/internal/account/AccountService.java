package io.mosaic.crm.customers.internal.account;

import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.customers.internal.common.DuplicateGuard;
import io.mosaic.crm.customers.internal.common.Transactions;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import io.mosaic.crm.sdk.event.CrmEvents;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.query.ListQuery;
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
 * the id of the account that holds the name and website.
 */
public final class AccountService {
    static final String MODULE = "customers";
    static final String ENTITY = "Account";
    private final Transactions transactions;
    private final EventSink events;

    public AccountService(Jdbi jdbi, EventSink events) {
        this.transactions = new Transactions(jdbi);
        this.events = events;
    }

    public Account create(AccountInput input, long userId) {
        AccountInput account = input.withOwnerIfMissing(userId).validated();
        return guardingDuplicates(() -> account, 0, () -> transactions.write(h -> {
            var repository = new AccountRepository(h);
            long id = repository.insert(account);
            announce(h, EventKind.CREATED, id, userId);
            return repository.find(id).orElseThrow();
        }));
    }

    public Account get(long id) {
        return transactions.read(h -> new AccountRepository(h).find(id)).orElseThrow(() -> new NotFoundException("account", id));
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
            repository.update(id, current.version(), changed);
            announce(h, EventKind.UPDATED, id, userId);
            return repository.find(id).orElseThrow();
        }));
    }

    /** Soft-deletes the account; checks the version only if one is given. */
    public void delete(long id, OptionalLong expectedVersion, long userId) {
        transactions.write(h -> {
            var repository = new AccountRepository(h);
            lockCurrent(repository, id, expectedVersion);
            repository.softDelete(id);
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

    private void announce(Handle handle, EventKind kind, long id, long userId) {
        handle.afterCommit(() -> events.post(CrmEvents.event(MODULE, ENTITY, kind, id, userId, Map.of())));
    }

    /** Answers a unique-key refusal with 409 naming the account that holds the name and website. */
    private Account guardingDuplicates(Supplier<AccountInput> values, long selfId, Supplier<Account> write) {
        return DuplicateGuard.write(write, () -> {
            AccountInput account = values.get();
            return transactions.read(h -> new AccountRepository(h).findDuplicate(account.name(), account.website(), selfId));
        }, "account", List.of("name", "website"));
    }
}
