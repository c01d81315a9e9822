package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a scheduled run runs as: the definition's owner, limited to reading the records they own
 * and never fields marked sensitive. (The security module offers no look-up of another user's
 * roles, so a scheduled run takes the narrowest scope that cannot reveal more than its owner may see.)
 */
final class ScheduledCaller implements Principal {
    private final long owner;
    private final Records records;

    ScheduledCaller(long owner, Records records) {
        this.owner = owner;
        this.records = records;
    }

    @Override
    public long userId() { return owner; }

    @Override
    public String name() { return "scheduler"; }

    @Override
    public Set<String> roles() { return Set.of(); }

    @Override
    public boolean may(Permission permission) { return permission.action() == Action.READ; }

    @Override
    public boolean ownOnly(Permission permission) { return true; }

    @Override
    public Set<String> hiddenFields(String resource) {
        return records.type(resource).map(type -> type.fields().stream().filter(Field::isSensitive).map(Field::name)
                .collect(Collectors.toSet())).orElse(Set.of());
    }
}
