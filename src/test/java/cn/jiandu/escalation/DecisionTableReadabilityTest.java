package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every decision table in processes/ reads in Chinese in the Modeler (issue 20): a Chinese
 * name and description for each decision, a Chinese label on each input and output, an
 * annotation (the rule's description) on each rule, and a shape in the DRD for each decision,
 * none over another; saved as Camunda Modeler 5.35 for Camunda 7.24.
 */
class DecisionTableReadabilityTest {

    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    private static final String DC = "http://www.omg.org/spec/DMN/20180521/DC/";
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    static Stream<Path> files() throws IOException {
        return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".dmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("files")
    void shouldLabelEveryDecisionInputOutputAndRuleInChinese(Path file) throws Exception {
        Document dmn = parse(file);
        NodeList decisions = dmn.getElementsByTagNameNS(DMN, "decision");
        assertThat(decisions.getLength()).isPositive();
        for (Element decision : elements(decisions)) {
            String id = decision.getAttribute("id");
            assertThat(decision.getAttribute("name")).as(id + " name").containsPattern(CHINESE);
            assertThat(text(decision, "description")).as(id + " description").containsPattern(CHINESE);
            for (String part : List.of("input", "output")) {
                for (Element column : elements(decision.getElementsByTagNameNS(DMN, part))) {
                    assertThat(column.getAttribute("label")).as(id + " " + part + " " + column.getAttribute("id"))
                            .containsPattern(CHINESE);
                }
            }
            for (Element rule : elements(decision.getElementsByTagNameNS(DMN, "rule"))) {
                assertThat(text(rule, "description")).as(id + " rule " + rule.getAttribute("id"))
                        .containsPattern(CHINESE);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void shouldDrawEveryDecisionOnceWithoutOverlap(Path file) throws Exception {
        Document dmn = parse(file);
        Element definitions = dmn.getDocumentElement();
        assertThat(definitions.getAttribute("exporter")).isEqualTo("Camunda Modeler");
        assertThat(definitions.getAttribute("exporterVersion")).isEqualTo("5.35.0");
        List<String> decisions = elements(dmn.getElementsByTagNameNS(DMN, "decision")).stream()
                .map(d -> d.getAttribute("id")).toList();
        List<Element> shapes = elements(dmn.getElementsByTagNameNS(DMNDI, "DMNShape"));
        assertThat(shapes).extracting(s -> s.getAttribute("dmnElementRef")).containsExactlyInAnyOrderElementsOf(
                decisions);
        List<double[]> boxes = new ArrayList<>();
        for (Element shape : shapes) {
            Element b = (Element) shape.getElementsByTagNameNS(DC, "Bounds").item(0);
            double[] box = {Double.parseDouble(b.getAttribute("x")), Double.parseDouble(b.getAttribute("y")),
                    Double.parseDouble(b.getAttribute("width")), Double.parseDouble(b.getAttribute("height"))};
            for (double[] other : boxes) {
                boolean apart = box[0] >= other[0] + other[2] || other[0] >= box[0] + box[2]
                        || box[1] >= other[1] + other[3] || other[1] >= box[1] + box[3];
                assertThat(apart).as(shape.getAttribute("dmnElementRef") + " overlaps another shape").isTrue();
            }
            boxes.add(box);
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The text of the element's own child (not a descendant's), "" when it has none. */
    private static String text(Element parent, String child) {
        for (Element e : elements(parent.getChildNodes())) {
            if (child.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return "";
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }
}
