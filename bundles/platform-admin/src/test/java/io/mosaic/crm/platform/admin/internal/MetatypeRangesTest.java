package io.mosaic.crm.platform.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class MetatypeRangesTest {
    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0" localization="OSGI-INF/l10n/x">
              <OCD id="io.mosaic.crm.http.Settings" name="HTTP server">
                <AD id="maxThreads" type="Integer" min="2" max="2000" default="200"/>
                <AD id="idleTimeoutMillis" type="Long" min="1000" default="30000"/>
                <AD id="host" type="String" default="127.0.0.1"/>
              </OCD>
              <Designate pid="io.mosaic.crm.http"><Object ocdref="io.mosaic.crm.http.Settings"/></Designate>
            </metatype:MetaData>
            """;

    @Test
    void reads_min_and_max_of_the_designated_object_class() throws Exception {
        Map<String, String[]> ranges = MetatypeRanges.ranges(parse(), "io.mosaic.crm.http");
        assertThat(ranges.get("maxThreads")).containsExactly("2", "2000");
        assertThat(ranges.get("idleTimeoutMillis")).containsExactly("1000", null);
        assertThat(ranges.get("host")).containsExactly(null, null);
    }

    @Test
    void a_document_for_another_pid_gives_nothing() throws Exception {
        assertThat(MetatypeRanges.ranges(parse(), "io.mosaic.crm.db")).isNull();
    }

    @Test
    void refuses_documents_with_a_doctype() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> MetatypeRanges.parse(new ByteArrayInputStream(evil.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(Exception.class);
    }

    private static Document parse() throws Exception {
        return MetatypeRanges.parse(new ByteArrayInputStream(XML.strip().getBytes(StandardCharsets.UTF_8)));
    }
}
