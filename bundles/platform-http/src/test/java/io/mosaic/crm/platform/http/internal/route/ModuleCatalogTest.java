package io.mosaic.crm.platform.http.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

class ModuleCatalogTest {
    private final ModuleCatalog catalog = new ModuleCatalog();

    @Test
    void finds_the_module_with_the_longest_matching_base_path() {
        catalog.put(1, ModuleDescriptor.parse("sales", "1.0.0"));
        catalog.put(2, ModuleDescriptor.parse("quotes;path=/api/sales/quotes", "1.0.0"));

        assertThat(catalog.moduleOf("/api/sales/quotes/3")).get().extracting(ModuleDescriptor::id).isEqualTo("quotes");
        assertThat(catalog.moduleOf("/api/sales/deals")).get().extracting(ModuleDescriptor::id).isEqualTo("sales");
        assertThat(catalog.moduleOf("/api/sales")).get().extracting(ModuleDescriptor::id).isEqualTo("sales");
    }

    @Test
    void a_root_module_claims_no_paths() {
        catalog.put(1, ModuleDescriptor.parse("monitoring;path=/", "1.0.0"));

        assertThat(catalog.moduleOf("/metrics")).isEmpty();
        assertThat(catalog.moduleOf("/")).isEmpty();
    }

    @Test
    void does_not_confuse_a_base_path_with_a_longer_name() {
        catalog.put(1, ModuleDescriptor.parse("sales", "1.0.0"));

        assertThat(catalog.moduleOf("/api/salesforce/x")).isEmpty();
    }

    @Test
    void forgets_an_uninstalled_module() {
        catalog.put(1, ModuleDescriptor.parse("sales", "1.0.0"));

        catalog.remove(1);

        assertThat(catalog.moduleOf("/api/sales/deals")).isEmpty();
    }
}
