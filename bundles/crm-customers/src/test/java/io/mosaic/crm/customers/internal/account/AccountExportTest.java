package io.mosaic.crm.customers.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountExportTest {

    @Test
    void quotes_csv_cells_with_separators_and_defuses_formulas() {
        assertThat(AccountExport.cell("Acme")).isEqualTo("Acme");
        assertThat(AccountExport.cell("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(AccountExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AccountExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AccountExport.cell("-12.5")).isEqualTo("-12.5");
    }
}
