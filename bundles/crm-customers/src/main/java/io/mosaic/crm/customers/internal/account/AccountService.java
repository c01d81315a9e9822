package io.mosaic.crm.customers.internal.account;

import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.customers.internal.common.SqlFailures;
import io.mosaic.crm.customers.internal.common.Transactions;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.DuplicateException;
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
    private static final int DUPLICATE_ATTEMPTS = 3;
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

    /**
     * Runs {@code write}; when the unique key refuses it, looks up (after the rollback, so that
     * the other writer's committed row is visible) who holds the values and answers 409 with its id.
     */
    private Account guardingDuplicates(Supplier<AccountInput> values, long selfId, Supplier<Account> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!SqlFailures.isDuplicateKey(e)) {
                    throw e;
                }
                AccountInput account = values.get();
                var holder = transactions.read(h -> new AccountRepository(h).findDuplicate(account.name(), account.website(), selfId));
                if (holder.isPresent()) {
                    throw new DuplicateException("account", holder.get(), List.of("name", "website"));
                }
                if (attempt == DUPLICATE_ATTEMPTS) {
                    throw new ConflictException("the account's name and website are being changed concurrently; try again");
                }
            }
        }
    }
}
