package dev.secretsprawl.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JunitReportTest extends AbstractReportTest {
    @Override
    ReportWriter writer() {
        return new JunitReport();
    }

    @Override
    String goldenFile() {
        return "expected.junit.xml";
    }

    @Override
    void assertEmpty(String rendered) throws Exception {
        Document doc = parse(rendered);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
    }

    @Override
    void assertMultiple(String rendered) throws Exception {
        Document doc = parse(rendered);
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(((Element) cases.item(1)).getAttribute("name")).isEqualTo("github-oauth-token at k8s/<secret>.yaml:4");
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
