package cn.jiandu.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The API's JSON converter (it replaces Spring Boot's), strict about the bytes of a UTF-8
 * body: Jackson decodes some malformed UTF-8 without a word (the overlong C0 AF as "/"), so
 * the body is checked with the JDK's decoder first and refused when it is not UTF-8 or
 * larger than {@value #MAX_BODY_BYTES} bytes. Bodies in another declared charset are read as
 * Spring reads them.
 */
public class StrictJsonConverter extends MappingJackson2HttpMessageConverter {

    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    public StrictJsonConverter(ObjectMapper objectMapper) {
        super(objectMapper);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return super.read(type, contextClass, checked(input));
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        return super.readInternal(clazz, checked(input));
    }

    private static HttpInputMessage checked(HttpInputMessage input) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        if (!StandardCharsets.UTF_8.equals(charset)) {
            return input;
        }
        byte[] body = input.getBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new HttpMessageNotReadableException("Request body too large", new TooLarge(), input);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new HttpMessageNotReadableException("Request body is not UTF-8", e, input);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** The cause of a refused body that is larger than the converter reads. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("请求体超过 " + MAX_BODY_BYTES / 1024 / 1024 + " MB", null);
        }
    }
}
