package io.mosaic.crm.customers.internal;

import io.mosaic.crm.customers.api.AccountDependants;
import io.mosaic.crm.customers.api.Dependant;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.WriteContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The domain rule of accounts beyond their fields: an account that records of other modules
 * depend on (open opportunities, open cases — whatever their {@link AccountDependants} say) is not
 * deleted; the 409 lists them. With {@code ?cascade=true} each source deletes its dependants first,
 * in the same transaction.
 */
final class AccountRules implements RecordHooks {
    private final Supplier<List<AccountDependants>> dependants;

    AccountRules(Supplier<List<AccountDependants>> dependants) {
        this.dependants = dependants;
    }

    @Override
    public void validate(WriteContext write) {
        if (write.operation() != WriteContext.Operation.DELETE) {
            return;
        }
        long id = write.before().orElseThrow().id();
        String cascade = write.option("cascade").orElse("false");
        if (!cascade.equals("true") && !cascade.equals("false")) {
            throw new BadRequestException("invalid_filter", "cascade must be true or false");
        }
        if (cascade.equals("true")) {
            for (AccountDependants source : dependants.get()) {
                source.cascadeDelete(id, write.userId());     // joins this transaction
            }
        }
        List<Dependant> found = new ArrayList<>();
        for (AccountDependants source : dependants.get()) {
            found.addAll(source.dependantsOf(id));
        }
        if (!found.isEmpty()) {
            throw new ConflictException("the account has dependent records; remove or move them first, or delete with"
                    + " ?cascade=true: "
                    + found.stream().map(d -> d.resource() + " " + d.id()).collect(Collectors.joining(", ")));
        }
    }
}
