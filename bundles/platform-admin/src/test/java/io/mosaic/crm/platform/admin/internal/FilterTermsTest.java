package io.mosaic.crm.platform.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterTermsTest {

    @Test
    void reads_the_package_name_and_version_range_of_an_import_filter() {
        String filter = "(&(osgi.wiring.package=org.example.api)(version>=1.2.0)(!(version>=2.0.0)))";
        assertThat(FilterTerms.parse(filter)).containsEntry("osgi.wiring.package", "org.example.api");
        assertThat(FilterTerms.versionRange(filter)).isEqualTo(" version [1.2.0,2.0.0)");
    }

    @Test
    void open_ended_and_missing_ranges_read_naturally() {
        assertThat(FilterTerms.versionRange("(&(osgi.wiring.package=a)(version>=1.0.0))")).isEqualTo(" version [1.0.0,∞)");
        assertThat(FilterTerms.versionRange("(osgi.wiring.package=a)")).isEmpty();
    }
}
