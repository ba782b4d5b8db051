package cn.jiandu.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.NotFoundException;

/**
 * The issued documents: bureau-wide roles read every one, anyone else those addressed to
 * his own unit. Another unit's document is answered 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/documents")
@Tag(name = "执法文书", description = "执法建议书、纠正违法通知书、执法问题督办单")
class DocumentController {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    /** The stored HTML is escaped at rendering; this keeps any script out all the same. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping
    @Operation(summary = "某问题的文书列表（只含本人可见的）")
    List<Document> forProblem(@RequestParam long problemId, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return documents.forProblem(problemId).stream().filter(d -> mayRead(user, d)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "文书全文（可打印的 HTML，内容为下发时的原样）")
    ResponseEntity<String> html(@PathVariable long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Document document = documents.find(id).filter(d -> mayRead(user, d))
                .orElseThrow(() -> new NotFoundException("文书不存在: " + id));
        String html = documents.html(id).orElseThrow(() -> new NotFoundException("文书不存在: " + id));
        return ResponseEntity.ok()
                .contentType(HTML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.number() + ".html", StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(html);
    }

    private static boolean mayRead(CurrentUser user, Document document) {
        return user.seesWholeBureau() || document.unitCode().equals(user.unitCode());
    }
}
