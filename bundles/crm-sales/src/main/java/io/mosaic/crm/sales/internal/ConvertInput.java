package io.mosaic.crm.sales.internal;

import java.time.LocalDate;

/**
 * The body of {@code POST /leads/{id}/convert}: link an existing account ({@code accountId}) or
 * create one ({@code account}, fields defaulting to the lead's: company, website, phone, e-mail;
 * created from the lead when both are left out and the lead names a company); the same for the
 * contact (always created from the lead unless linked); an opportunity only when
 * {@code opportunity} is given. {@code skipDuplicateCheck} creates even when likely duplicates exist.
 */
record ConvertInput(Long accountId, AccountPart account, Long contactId, ContactPart contact, OpportunityPart opportunity,
        Boolean skipDuplicateCheck) {

    record AccountPart(String name, String website, String phone, String email) {}

    record ContactPart(String firstName, String lastName, String email, String phone, String title) {}

    /** {@code amount} is a decimal string; {@code pipelineId} and {@code stage} default like an opportunity's. */
    record OpportunityPart(String name, String amount, String currency, LocalDate closeDate, Long pipelineId, String stage,
            Integer probability) {}

    boolean skipsDuplicateCheck() {
        return Boolean.TRUE.equals(skipDuplicateCheck);
    }
}
