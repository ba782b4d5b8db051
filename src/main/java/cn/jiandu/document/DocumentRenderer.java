package cn.jiandu.document;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Renders a document to printable HTML from templates/documents/&lt;type&gt;.ftl. The model
 * has two hashes: {@code doc} (number, title, bureau, issuer, issue time: set here) and
 * {@code problem} (the caller's fields, all optional).
 */
@Component
class DocumentRenderer {

    private final Configuration templates;

    DocumentRenderer(@Qualifier(DocumentConfiguration.TEMPLATES) Configuration templates) {
        this.templates = templates;
    }

    String render(DocumentType type, Map<String, Object> doc, Map<String, Object> problem) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            templates.getTemplate("documents/" + type.template() + ".ftl")
                    .process(Map.of("doc", doc, "problem", problem), out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Cannot render the " + type + " template: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
