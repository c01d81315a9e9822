package io.mosaic.crm.sdk.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void parses_id_name_path_and_core() {
        var d = ModuleDescriptor.parse("customers;name=\"Customers\";path=/api/customers;core=false", "1.2.0");
        assertThat(d).isEqualTo(new ModuleDescriptor("customers", "Customers", "1.2.0", "/api/customers", false));
    }

    @Test
    void defaults_path_and_name_from_id() {
        var d = ModuleDescriptor.parse("loyalty", "0.1.0");
        assertThat(d.basePath()).isEqualTo("/api/loyalty");
        assertThat(d.name()).isEqualTo("loyalty");
    }

    @Test
    void accepts_the_root_as_base_path_for_modules_with_absolute_routes() {
        var d = ModuleDescriptor.parse("monitoring;path=/;core=true", "1.0.0");
        assertThat(d.basePath()).isEqualTo("/");
        assertThatThrownBy(() -> ModuleDescriptor.parse("x;path=//", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleDescriptor.parse("x;path=/api/", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_bad_ids_paths_and_attributes() {
        assertThatThrownBy(() -> ModuleDescriptor.parse("Bad Id", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleDescriptor.parse("x;path=api", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleDescriptor.parse("x;colour=red", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleDescriptor.parse(" ", "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
