package cn.jiandu.evidence;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jiandu.security.CurrentUser;

/**
 * Evidence of a rectification: uploaded by the problem's unit or the legal department,
 * read by whoever sees the problem (another unit's officer: 404, as for the problem).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "整改佐证材料", description = "上传、列表、下载、撤回")
class EvidenceController {

    private final EvidenceService evidence;

    EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @PostMapping(path = "/problems/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传整改佐证材料（multipart：一个或多个 file，可选 note；按内容判断类型，全部通过才保存）")
    ResponseEntity<List<EvidenceItem>> upload(@PathVariable long id,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "note", required = false) String note, Authentication authentication) {
        List<Upload> uploads = files == null ? List.of()
                : files.stream().map(f -> new Upload(f.getOriginalFilename(), f)).toList();
        List<EvidenceItem> stored = evidence.upload(id, uploads, note, CurrentUser.of(authentication));
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    @GetMapping("/problems/{id}/evidence")
    @Operation(summary = "问题的整改佐证材料（先上传的在前；已撤回的标明）")
    List<EvidenceItem> list(@PathVariable long id, Authentication authentication) {
        evidence.visibleProblem(id, CurrentUser.of(authentication));
        return evidence.list(id);
    }

    @GetMapping("/evidence/{id}")
    @Operation(summary = "下载佐证材料（原样，按保存的类型）")
    void download(@PathVariable long id, Authentication authentication, HttpServletResponse response)
            throws IOException {
        EvidenceMapper.EvidenceRow row = evidence.visibleEvidence(id, CurrentUser.of(authentication));
        response.setStatus(HttpStatus.OK.value());
        // the stored type as it is: no charset (server.servlet.encoding.force set UTF-8 on every response)
        response.setCharacterEncoding((String) null);
        response.setContentType(row.contentType());
        response.setContentLengthLong(row.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(row.fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        // opened in a browser tab after all, it runs nothing and reaches nothing
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        evidence.copyContent(id, response.getOutputStream());
    }

    @PostMapping("/evidence/{id}/withdraw")
    @Operation(summary = "撤回佐证材料（审核开始前；保留并标为已撤回）")
    EvidenceItem withdraw(@PathVariable long id, Authentication authentication) {
        return evidence.withdraw(id, CurrentUser.of(authentication));
    }
}
