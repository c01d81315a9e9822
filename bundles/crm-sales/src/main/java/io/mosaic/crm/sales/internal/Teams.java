package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;

/**
 * Sales teams: groups of users with a manager ({@code /api/sales/teams}, members at
 * {@code /api/sales/team-members}), and quotas per user or team and month or quarter
 * ({@code /api/sales/quotas}, one per holder and period). A team's quota is its own when set, else the sum of its members'.
 */
final class Teams {
    static final RecordType TEAMS = RecordType.builder("sales", "Team", "teams")
            .table("sales_teams")
            .field(Field.text("name").required().maxLength(100).filter().sort().search())
            .field(Field.integer("managerId").required().range(1, null).filter().describedAs("the manager, a user"))
            .unique(UniqueKey.on("live_name", "LOWER(TRIM(:name))", "name"))
            .defaultSort("name")
            .build();

    static final RecordType MEMBERS = RecordType.builder("sales", "TeamMember", "team-members")
            .table("sales_team_members")
            .label("Team member")
            .field(Field.reference("teamId", "sales.teams").required().filter())
            .field(Field.integer("userId").required().range(1, null).filter())
            .unique(UniqueKey.on("live_key", "CONCAT(:teamId, '|', :userId)", "teamId", "userId"))
            .build();

    static final RecordType QUOTAS = RecordType.builder("sales", "Quota", "quotas")
            .table("sales_quotas")
            .field(Field.integer("userId").range(1, null).filter().describedAs("the user, or"))
            .field(Field.reference("teamId", "sales.teams").filter().describedAs("the team"))
            .field(Field.text("period").required().maxLength(7).filter().describedAs("a month (2026-11) or a quarter (2026-Q4)"))
            .field(Field.money("amount", "currency").required().range(0, null))
            .field(Field.currency("currency").required())
            .unique(UniqueKey.on("live_key", "CONCAT(COALESCE(:userId, ''), '|', COALESCE(:teamId, ''), '|', :period)",
                    "userId", "teamId", "period"))
            .hooks(new QuotaRules())
            .build();

    private Teams() {}

    private static final class QuotaRules implements RecordHooks {
        @Override
        public void validate(WriteContext write) {
            if (write.operation() == Operation.DELETE) {
                return;
            }
            boolean user = write.values().get("userId") != null;
            boolean team = write.values().get("teamId") != null;
            if (user == team) {
                write.problem(user ? "teamId" : "userId", user ? "one_of_user_or_team" : "required");
            }
            String period = write.values().get("period", String.class);
            if (period != null && Period.parse(period).isEmpty()) {
                write.problem("period", "invalid_period");
            }
        }
    }
}
