package io.mosaic.crm.sales.internal;

import io.mosaic.crm.customers.api.AccountSummary;
import io.mosaic.crm.customers.api.ContactSummary;
import io.mosaic.crm.customers.api.CustomerDirectory;
import io.mosaic.crm.customers.api.NewAccount;
import io.mosaic.crm.customers.api.NewContact;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Converts a lead, in one transaction ({@code Records.inTransaction}): the account and the contact
 * (created through the customers module's API, or linked), optionally an opportunity, the lead's
 * activities moved to the opportunity (else the account), and the lead marked {@code converted}
 * with what it became. Likely duplicates of what would be created answer 409
 * {@code duplicate_candidates} unless the body skips the check; a converted lead is 409, a dead one
 * 422.
 */
final class LeadConversion {
    private final SalesTypes types;

    LeadConversion(SalesTypes types) {
        this.types = types;
    }

    Map<String, Object> convert(long leadId, ConvertInput input, Principal caller) {
        CustomerDirectory customers = types.customers();
        return types.records().inTransaction(h -> {
            Record lead = lock(h, leadId, caller);
            String status = lead.text("status");
            if (Leads.CONVERTED.equals(status)) {
                throw new ConflictException("already_converted", "lead " + leadId + " was converted at "
                        + lead.get("convertedAt"), List.of(new FieldProblem("status", Leads.CONVERTED)));
            }
            if ("dead".equals(status)) {
                throw new ValidationException("status", "dead");
            }
            NewAccount newAccount = input.accountId() == null ? newAccount(lead, input) : null;
            NewContact newContact = input.contactId() == null ? newContact(lead, input) : null;
            if (!input.skipsDuplicateCheck()) {
                refuseDuplicates(customers, newAccount, newContact);
            }
            Long accountId = account(customers, input, newAccount, caller);
            long contactId = contact(customers, input, newContact, accountId, caller);
            Long opportunityId = input.opportunity() == null ? null
                    : opportunity(lead, input.opportunity(), accountId, contactId, caller);
            moveActivities(h, leadId, opportunityId != null ? "opportunity" : accountId != null ? "account" : "contact",
                    opportunityId != null ? opportunityId : accountId != null ? accountId : contactId, caller.userId());
            Map<String, Object> mark = new HashMap<>();
            mark.put("status", Leads.CONVERTED);
            mark.put("convertedAccountId", accountId);
            mark.put("convertedContactId", contactId);
            mark.put("convertedOpportunityId", opportunityId);
            mark.put("convertedAt", Instant.now().truncatedTo(ChronoUnit.MICROS));
            types.leads().update(leadId, lead.version(), Values.of(mark), caller.userId());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("accountId", accountId);
            result.put("contactId", contactId);
            result.put("opportunityId", opportunityId);
            return result;
        });
    }

    /** Locks the lead for the conversion, so that two conversions of it run one after the other. */
    private Record lock(Handle h, long leadId, Principal caller) {
        boolean live = h.createQuery("SELECT id FROM sales_leads WHERE id = :id AND deleted_at IS NULL FOR UPDATE")
                .bind("id", leadId).mapTo(Long.class).findOne().isPresent();
        Record lead = live ? types.leads().get(leadId) : null;
        Permission edit = types.leadType().permission(Action.EDIT);
        if (lead == null || caller.ownOnly(edit) && lead.ownerId() != caller.userId()) {
            throw new NotFoundException("lead", leadId);
        }
        return lead;
    }

    private static NewAccount newAccount(Record lead, ConvertInput input) {
        ConvertInput.AccountPart part = input.account();
        if (part == null && lead.text("company") == null) {
            return null;
        }
        part = part == null ? new ConvertInput.AccountPart(null, null, null, null) : part;
        return new NewAccount(or(part.name(), lead.text("company")), or(part.website(), lead.text("website")),
                or(part.phone(), lead.text("phone")), or(part.email(), lead.text("email")), lead.ownerId());
    }

    private static NewContact newContact(Record lead, ConvertInput input) {
        ConvertInput.ContactPart part = input.contact() == null
                ? new ConvertInput.ContactPart(null, null, null, null, null) : input.contact();
        return new NewContact(null, or(part.firstName(), lead.text("firstName")), or(part.lastName(), lead.text("lastName")),
                or(part.email(), lead.text("email")), or(part.phone(), lead.text("phone")), or(part.title(), lead.text("title")),
                lead.ownerId());
    }

    private static void refuseDuplicates(CustomerDirectory customers, NewAccount account, NewContact contact) {
        List<FieldProblem> candidates = new ArrayList<>();
        if (account != null) {
            customers.similarAccounts(account.name(), account.website(), 10)
                    .forEach(a -> candidates.add(new FieldProblem("account", "possible_duplicate", a.id())));
        }
        if (contact != null && contact.email() != null) {
            customers.contactByEmail(contact.email())
                    .ifPresent(c -> candidates.add(new FieldProblem("contact", "possible_duplicate", c.id())));
        }
        if (!candidates.isEmpty()) {
            throw new ConflictException("duplicate_candidates", "records like those the conversion would create exist;"
                    + " link them (accountId, contactId) or send \"skipDuplicateCheck\": true", candidates);
        }
    }

    private static Long account(CustomerDirectory customers, ConvertInput input, NewAccount account, Principal caller) {
        if (input.accountId() != null) {
            AccountSummary linked = customers.account(input.accountId())
                    .orElseThrow(() -> new ValidationException("accountId", "unknown_reference"));
            return linked.id();
        }
        if (account == null) {
            return null;
        }
        require(caller, Permission.of("customers.accounts", Action.CREATE));
        return customers.createAccount(account, caller.userId()).id();
    }

    private static long contact(CustomerDirectory customers, ConvertInput input, NewContact contact, Long accountId,
            Principal caller) {
        if (input.contactId() != null) {
            ContactSummary linked = customers.contact(input.contactId())
                    .orElseThrow(() -> new ValidationException("contactId", "unknown_reference"));
            return linked.id();
        }
        require(caller, Permission.of("customers.contacts", Action.CREATE));
        NewContact atAccount = new NewContact(accountId, contact.firstName(), contact.lastName(), contact.email(),
                contact.phone(), contact.title(), contact.ownerId());
        return customers.createContact(atAccount, caller.userId()).id();
    }

    private long opportunity(Record lead, ConvertInput.OpportunityPart part, Long accountId, long contactId, Principal caller) {
        if (accountId == null) {
            throw new ValidationException("opportunity", "needs_an_account");
        }
        require(caller, types.opportunityType().permission(Action.CREATE));
        Map<String, Object> values = new HashMap<>();
        values.put("name", or(part.name(), or(lead.text("company"), lead.text("lastName"))));
        values.put("accountId", accountId);
        values.put("contactId", contactId);
        values.put("amount", part.amount() == null ? null : decimal(part.amount()));
        values.put("currency", part.currency());
        values.put("closeDate", part.closeDate());
        values.put("pipelineId", part.pipelineId());
        values.put("stage", part.stage());
        values.put("probability", part.probability());
        String source = lead.text("source");
        values.put("source", types.sources().allows(source) ? source : null);   // a source an admin since removed is dropped
        values.put("ownerId", lead.ownerId());
        return types.opportunities().create(Values.of(values), caller.userId()).id();
    }

    /** The lead's activities go to what it became, each through the store (change row and event). */
    private void moveActivities(Handle h, long leadId, String type, long id, long userId) {
        List<Map<String, Object>> moving = h.createQuery("""
                SELECT id, version FROM sales_activities
                 WHERE related_type = 'lead' AND related_id = :lead AND deleted_at IS NULL ORDER BY id""")
                .bind("lead", leadId).mapToMap().list();
        for (Map<String, Object> activity : moving) {
            types.activities().update(((Number) activity.get("id")).longValue(), ((Number) activity.get("version")).longValue(),
                    Values.of("relatedType", type, "relatedId", Math.toIntExact(id)), userId);
        }
    }

    private static BigDecimal decimal(String amount) {
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new ValidationException("opportunity.amount", "not_a_decimal");
        }
    }

    private static void require(Principal caller, Permission permission) {
        if (!caller.may(permission)) {
            throw new ForbiddenException("the conversion needs " + permission);
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
