package cn.jiandu.text;

import java.io.IOException;
import java.io.Writer;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

/**
 * DingTalk markdown as a FreeMarker output format, so that a template declaring
 * {@code <#ftl output_format="Markdown">} escapes every interpolation: a problem's title
 * or a unit's name can neither format the message nor smuggle HTML or a link into it.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Model> {

    static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private MarkdownOutputFormat() {
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escape(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return escape(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Model(plainTextContent, markupContent);
    }

    /** Markdown and HTML specials neutralised; line breaks folded to spaces. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append('＜');
                case '>' -> sb.append('＞');
                case '\r', '\n', '\t' -> sb.append(' ');
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~' -> sb.append('\\').append(c);
                default -> {
                    if (!Character.isISOControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Markdown already escaped, as FreeMarker carries it between templates. */
    static final class Model extends CommonTemplateMarkupOutputModel<Model> {

        Model(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
